package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the ClientHello out of a QUIC client's Initial packets (RFC 9001 section 5): keys from
 * the destination connection id, header protection removed, payload decrypted, CRYPTO frames
 * reassembled. 1-RTT (short header) packets are skipped: they need key-log secrets.
 *
 * <p>One instance follows one client's Initial packets across datagrams (large ClientHellos,
 * e.g. with post-quantum key shares, span two); {@link #parse} handles a single datagram.
 */
public final class QuicInitial {
    /** Bounds CRYPTO reassembly; real ClientHellos are a few KiB. */
    static final int MAX_CRYPTO_BYTES = 1 << 16;
    static final int MAX_PACKETS_PER_DATAGRAM = 16;
    private static final int MAX_CID_LENGTH = 20;
    private static final int SAMPLE_LENGTH = 16;

    private final Map<Long, byte[]> crypto = new TreeMap<>();
    private int cryptoBytes;
    private long version;
    private byte[] dcid;

    /** The ClientHello of the client Initial packets in one UDP datagram, if complete there. */
    public static Optional<QuicClientHelloInfo> parse(ByteBuffer udpPayload) {
        return new QuicInitial().offer(udpPayload);
    }

    /**
     * Adds one datagram from the client; returns the ClientHello once the CRYPTO stream holds
     * all of it. Datagrams that are not decryptable client Initials are ignored.
     */
    public Optional<QuicClientHelloInfo> offer(ByteBuffer udpPayload) {
        byte[] datagram = new byte[udpPayload.remaining()];
        udpPayload.duplicate().get(datagram);
        ByteCursor c = ByteCursor.bigEndian(datagram, "QUIC datagram");
        try {
            for (int i = 0; i < MAX_PACKETS_PER_DATAGRAM && c.remaining() > 0; i++) {
                if (!packet(datagram, c)) {
                    break;
                }
            }
        } catch (FormatException | GeneralSecurityException e) {
            // Not QUIC, not a client Initial, or corrupted: the rest of the datagram is unreadable,
            // what earlier packets gave still counts.
        }
        try {
            return clientHello();
        } catch (FormatException e) {
            return Optional.empty();
        }
    }

    /** Reads one long-header packet; false at a short-header packet, which ends what can be read. */
    private boolean packet(byte[] datagram, ByteCursor c) throws FormatException, GeneralSecurityException {
        int start = c.position();
        int first = c.u8();
        if ((first & 0x80) == 0) {
            return false;
        }
        long packetVersion = c.u32();
        if (!QuicInitialKeys.supported(packetVersion)) {
            throw c.error(String.format("QUIC version 0x%08x", packetVersion));
        }
        byte[] packetDcid = c.bytes(cidLength(c));
        c.skip(cidLength(c)); // source connection id
        int type = (first >>> 4) & 0x03;
        int initialType = packetVersion == QuicInitialKeys.VERSION_2 ? 1 : 0;
        int retryType = packetVersion == QuicInitialKeys.VERSION_2 ? 0 : 3;
        if (type == retryType) {
            return false;
        }
        if (type == initialType) {
            c.skip(QuicVarint.read(c)); // token
        }
        long length = QuicVarint.read(c);
        int pnOffset = c.position();
        c.skip(length);
        if (type == initialType) {
            decrypt(datagram, start, pnOffset, c.position(), packetVersion, packetDcid);
        }
        return true;
    }

    private static int cidLength(ByteCursor c) throws FormatException {
        int n = c.u8();
        if (n > MAX_CID_LENGTH) {
            throw c.error("connection id of " + n + " bytes exceeds " + MAX_CID_LENGTH);
        }
        return n;
    }

    private void decrypt(byte[] datagram, int start, int pnOffset, int end, long packetVersion, byte[] packetDcid)
            throws FormatException, GeneralSecurityException {
        if (dcid == null) {
            version = packetVersion;
            dcid = packetDcid;
        } else if (!Arrays.equals(dcid, packetDcid)) {
            return; // another connection's Initial: not this client's stream
        }
        if (pnOffset + 4 + SAMPLE_LENGTH > end) {
            throw new TlsFormatException("QUIC Initial packet", pnOffset, "too short for a header protection sample");
        }
        QuicInitialKeys keys = new QuicInitialKeys(packetVersion, packetDcid);
        byte[] mask = keys.mask(datagram, pnOffset + 4);
        byte[] header = Arrays.copyOfRange(datagram, start, pnOffset + 4);
        header[0] ^= (byte) (mask[0] & 0x0F);
        int pnLength = (header[0] & 0x03) + 1;
        long packetNumber = 0;
        for (int i = 0; i < pnLength; i++) {
            int at = pnOffset - start + i;
            header[at] ^= mask[1 + i];
            packetNumber = (packetNumber << 8) | (header[at] & 0xFF);
        }
        byte[] aad = Arrays.copyOf(header, pnOffset - start + pnLength);
        int payloadStart = pnOffset + pnLength;
        byte[] payload = keys.aead.open(Aead.xorNonce(keys.iv, packetNumber), aad, datagram, payloadStart, end - payloadStart);
        frames(ByteCursor.bigEndian(payload, "QUIC Initial payload"));
    }

    /** Collects CRYPTO frames; PADDING, PING, ACK and CONNECTION_CLOSE are the other frames allowed in Initials. */
    private void frames(ByteCursor p) throws FormatException {
        while (p.remaining() > 0) {
            long type = QuicVarint.read(p);
            if (type == 0x00 || type == 0x01) {
                continue;
            }
            if (type == 0x02 || type == 0x03) {
                skipAck(p, type == 0x03);
            } else if (type == 0x06) {
                long offset = QuicVarint.read(p);
                long length = QuicVarint.read(p);
                addCrypto(p, offset, p.bytes(Math.toIntExact(Math.min(length, Integer.MAX_VALUE))));
            } else if (type == 0x1c) {
                return; // CONNECTION_CLOSE: nothing after it matters
            } else {
                throw p.error("frame type 0x" + Long.toHexString(type) + " is not allowed in an Initial packet");
            }
        }
    }

    private static void skipAck(ByteCursor p, boolean ecn) throws FormatException {
        QuicVarint.read(p); // largest acknowledged
        QuicVarint.read(p); // ack delay
        long ranges = QuicVarint.read(p);
        QuicVarint.read(p); // first range
        for (long i = 0; i < ranges; i++) {
            QuicVarint.read(p); // gap; each read consumes at least one byte, so this loop is bounded by the payload
            QuicVarint.read(p);
        }
        if (ecn) {
            QuicVarint.read(p);
            QuicVarint.read(p);
            QuicVarint.read(p);
        }
    }

    private void addCrypto(ByteCursor p, long offset, byte[] data) throws FormatException {
        if (offset + data.length > MAX_CRYPTO_BYTES || cryptoBytes + data.length > MAX_CRYPTO_BYTES) {
            throw p.error("CRYPTO data beyond " + MAX_CRYPTO_BYTES + " bytes");
        }
        if (crypto.putIfAbsent(offset, data) == null) {
            cryptoBytes += data.length;
        }
    }

    /** The ClientHello, once the contiguous CRYPTO prefix holds all of it. */
    private Optional<QuicClientHelloInfo> clientHello() throws FormatException {
        byte[] stream = contiguousPrefix();
        if (stream.length < 4) {
            return Optional.empty();
        }
        ByteCursor c = ByteCursor.bigEndian(stream, "QUIC CRYPTO stream");
        if (c.u8() != HandshakeMessage.CLIENT_HELLO) {
            throw c.error("first handshake message is not a ClientHello");
        }
        int length = (c.u8() << 16) | c.u16();
        if (c.remaining() < length) {
            return Optional.empty();
        }
        ClientHello hello = ClientHello.parse(c.bytes(length));
        HexFormat hex = HexFormat.of();
        return Optional.of(new QuicClientHelloInfo(version, hex.formatHex(dcid), hello.serverName(), hello.alpn(),
                hex.formatHex(hello.random())));
    }

    private byte[] contiguousPrefix() {
        byte[] out = new byte[cryptoBytes];
        int filled = 0;
        for (Map.Entry<Long, byte[]> e : crypto.entrySet()) {
            long offset = e.getKey();
            byte[] data = e.getValue();
            if (offset > filled) {
                break;
            }
            int skip = (int) (filled - offset);
            if (skip < data.length) {
                System.arraycopy(data, skip, out, filled, data.length - skip);
                filled += data.length - skip;
            }
        }
        return Arrays.copyOf(out, filled);
    }
}

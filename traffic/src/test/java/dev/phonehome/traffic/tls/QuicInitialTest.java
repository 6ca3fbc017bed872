package dev.phonehome.traffic.tls;

import static dev.phonehome.traffic.tls.Rfc8448Trace.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** ClientHellos spread over several Initial packets and datagrams, sealed here as RFC 9001 section 5 says. */
class QuicInitialTest {
    private static final byte[] DCID = hex("0011223344556677");
    /** The RFC 8448 ClientHello handshake message (SNI "server"), without its record header. */
    private static final byte[] CLIENT_HELLO = Arrays.copyOfRange(hex(Rfc8448Trace.CLIENT_HELLO), 5, 5 + 196);

    @Test
    void clientHelloSplitOverTwoDatagramsIsReassembled() throws Exception {
        byte[] first = seal(0, crypto(0, Arrays.copyOfRange(CLIENT_HELLO, 0, 120)));
        byte[] second = seal(1, crypto(120, Arrays.copyOfRange(CLIENT_HELLO, 120, CLIENT_HELLO.length)));
        QuicInitial initial = new QuicInitial();

        assertThat(initial.offer(ByteBuffer.wrap(first))).isEmpty();
        QuicClientHelloInfo info = initial.offer(ByteBuffer.wrap(second)).orElseThrow();

        assertThat(info.serverName()).contains("server");
        assertThat(info.dcid()).isEqualTo("0011223344556677");
        assertThat(info.clientRandom()).isEqualTo(java.util.HexFormat.of().formatHex(Rfc8448Trace.clientRandom()));
    }

    @Test
    void outOfOrderCryptoFramesInCoalescedPacketsAreReassembled() throws Exception {
        byte[] datagram = TlsPrf.concat(
                seal(3, crypto(120, Arrays.copyOfRange(CLIENT_HELLO, 120, CLIENT_HELLO.length))),
                seal(2, TlsPrf.concat(new byte[] {0x01}, crypto(0, Arrays.copyOfRange(CLIENT_HELLO, 0, 120)))));

        assertThat(QuicInitial.parse(ByteBuffer.wrap(datagram))).hasValueSatisfying(
                info -> assertThat(info.serverName()).contains("server"));
    }

    @Test
    void cryptoDataBeyondTheBoundEndsTheDatagramButKeepsWhatCameBefore() throws Exception {
        byte[] beyond = crypto(QuicInitial.MAX_CRYPTO_BYTES - 10, new byte[20]);
        byte[] hello = crypto(0, CLIENT_HELLO);

        assertThat(QuicInitial.parse(ByteBuffer.wrap(TlsPrf.concat(seal(0, hello), seal(1, beyond))))).isPresent();
        assertThat(QuicInitial.parse(ByteBuffer.wrap(TlsPrf.concat(seal(0, beyond), seal(1, hello))))).isEmpty();
    }

    private static byte[] crypto(int offset, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x06);
        varint4(out, offset);
        varint4(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void varint4(ByteArrayOutputStream out, int value) {
        out.write(0x80 | (value >>> 24));
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** A version 1 client Initial with a 4-byte packet number, protected with keys derived from {@link #DCID}. */
    private static byte[] seal(int packetNumber, byte[] payload) throws Exception {
        Hkdf hkdf = Hkdf.sha256();
        byte[] secret = hkdf.expandLabel(hkdf.extract(hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a"), DCID),
                "client in", new byte[0], 32);
        byte[] key = hkdf.expandLabel(secret, "quic key", new byte[0], 16);
        byte[] iv = hkdf.expandLabel(secret, "quic iv", new byte[0], 12);
        byte[] hp = hkdf.expandLabel(secret, "quic hp", new byte[0], 16);

        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(hex("c300000001"));
        h.write(DCID.length);
        h.writeBytes(DCID);
        h.write(0); // source connection id length
        h.write(0); // token length
        int length = 4 + payload.length + 16;
        h.write(0x40 | (length >>> 8));
        h.write(length);
        h.writeBytes(new byte[] {(byte) (packetNumber >>> 24), (byte) (packetNumber >>> 16), (byte) (packetNumber >>> 8),
                (byte) packetNumber});
        byte[] header = h.toByteArray();

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Aead.xorNonce(iv, packetNumber)));
        gcm.updateAAD(header);
        byte[] sealed = gcm.doFinal(payload);

        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "AES"));
        byte[] mask = ecb.doFinal(sealed, 0, 16);
        header[0] ^= (byte) (mask[0] & 0x0F);
        for (int i = 0; i < 4; i++) {
            header[header.length - 4 + i] ^= mask[1 + i];
        }
        return TlsPrf.concat(header, sealed);
    }
}

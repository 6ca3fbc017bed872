package dev.phonehome.traffic.tls;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * Follows one TLS connection over its two TCP byte streams, fed incrementally in capture order,
 * and hands decrypted application data to a {@link TlsListener}. Nothing thrown escapes
 * {@link #feed}: malformed input, missing keys and failed authentication become a
 * {@link NotDecryptedReason} and coded problems in {@link #facts()}.
 *
 * <p>A direction may have to wait for the other one (the client's first protected record needs
 * the server's ServerHello); its records stay buffered, bounded by {@link RecordReader#MAX_BUFFERED}.
 */
public final class TlsConnection {
    /** A TLS 1.3 handshake epoch is a few records (certificate chains included); more means the keys are wrong. */
    static final int MAX_SKIPPED_HANDSHAKE_RECORDS = 16;
    private final TlsListener listener;
    private final Flow client = new Flow(true);
    private final Flow server = new Flow(false);
    private final Handshake handshake = new Handshake();
    private final Outcome outcome = new Outcome();
    private final TrafficKeys keys;
    private boolean ended;

    public TlsConnection(TlsSecrets secrets, TlsListener listener) {
        this.listener = listener;
        this.keys = new TrafficKeys(secrets, handshake, outcome);
    }

    /**
     * Whether the first bytes a client sent look like a TLS handshake record (or an SSL 2.0
     * compatible ClientHello). Needs at least 3 bytes; does not move {@code firstClientBytes}.
     */
    public static boolean looksLikeTls(ByteBuffer firstClientBytes) {
        ByteBuffer b = firstClientBytes.duplicate();
        if (b.remaining() < 3) {
            return false;
        }
        int p = b.position();
        int first = b.get(p) & 0xFF;
        if ((first & 0x80) != 0) {
            return b.get(p + 2) == 1; // SSLv2 record header, msg_type CLIENT-HELLO
        }
        boolean header = first == TlsRecord.HANDSHAKE && b.get(p + 1) == 3 && (b.get(p + 2) & 0xFF) <= 4;
        if (!header || b.remaining() < RecordReader.HEADER_LENGTH) {
            return header;
        }
        int length = ((b.get(p + 3) & 0xFF) << 8) | (b.get(p + 4) & 0xFF);
        return length > 0 && length <= RecordReader.MAX_FRAGMENT_LENGTH;
    }

    /** Adds the next bytes of one direction; its remaining bytes are copied, its position is not moved. */
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        Flow f = fromClient ? client : server;
        if (ended || f.dead || !bytes.hasRemaining()) {
            return;
        }
        f.timestamp = timestampNanos;
        if (!f.reader.append(bytes)) {
            outcome.fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE,
                    "more than " + RecordReader.MAX_BUFFERED + " bytes buffered while waiting for the peer");
            f.dead = true;
            return;
        }
        pumpAll();
    }

    /** {@code missing} bytes of one direction were not captured: its record boundaries are lost. */
    public void gap(boolean fromClient, long missing) {
        Flow f = fromClient ? client : server;
        if (ended || f.dead) {
            return;
        }
        outcome.fail(f, NotDecryptedReason.GAP_IN_STREAM, missing + " bytes missing with "
                + f.reader.buffered() + " bytes of an unfinished record pending");
        f.dead = true;
        pumpAll();
    }

    /** The connection (or the capture) ended: records still waiting become HANDSHAKE_INCOMPLETE. */
    public void end() {
        if (ended) {
            return;
        }
        pumpAll();
        for (Flow f : List.of(client, server)) {
            if (f.skipsHandshakeEpoch && !f.keysConfirmed && !f.opaque && f.skippedHandshakeRecords > 0) {
                outcome.fail(f, NotDecryptedReason.DECRYPT_FAILED,
                        "no record opened with the application keys after " + f.skippedHandshakeRecords + " skipped");
            }
            if (!f.dead && f.reader.buffered() > 0) {
                outcome.fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE,
                        f.reader.buffered() + " bytes left undecoded at the end of the stream");
            }
        }
        if (handshake.serverHello == null && client.started && outcome.reason().isEmpty()) {
            outcome.fail(server, NotDecryptedReason.HANDSHAKE_INCOMPLETE, "no ServerHello");
        }
        ended = true;
    }

    /** A snapshot of what is known so far; complete after {@link #end()}. */
    public TlsFacts facts() {
        return handshake.facts(outcome);
    }

    private void pumpAll() {
        boolean progress = true;
        while (progress) {
            progress = pump(client) | pump(server);
        }
    }

    /** Handles the buffered records of one direction; true if at least one was consumed. */
    private boolean pump(Flow f) {
        boolean progress = false;
        while (!f.dead) {
            if (f.fromClient && !f.started && !firstClientByteIsTls(f)) {
                return progress;
            }
            Optional<TlsRecord> record;
            try {
                record = f.reader.peek();
            } catch (TlsFormatException e) {
                malformed(f, f.started ? NotDecryptedReason.MALFORMED : NotDecryptedReason.NOT_TLS, e.getMessage());
                return progress;
            }
            if (record.isEmpty() || !handle(f, record.get())) {
                return progress;
            }
            f.started = true;
            f.reader.consume(record.get());
            progress = true;
        }
        return progress;
    }

    /** SSL 2.0 hellos and other protocols are told apart on the client's first byte. */
    private boolean firstClientByteIsTls(Flow f) {
        if (f.reader.buffered() == 0) {
            return false;
        }
        int first = f.reader.firstByte();
        if (first == TlsRecord.HANDSHAKE) {
            return true;
        }
        NotDecryptedReason r = (first & 0x80) != 0 ? NotDecryptedReason.SSL2_CLIENT_HELLO : NotDecryptedReason.NOT_TLS;
        outcome.fail(f, r, String.format("client's first byte is 0x%02X", first));
        client.dead = true;
        server.dead = true;
        return false;
    }

    /** Handles one record; false means "wait for the other direction", the record stays buffered. */
    private boolean handle(Flow f, TlsRecord record) {
        if (record.type() == TlsRecord.HEARTBEAT) {
            return true;
        }
        if (record.type() == TlsRecord.CHANGE_CIPHER_SPEC) {
            return onChangeCipherSpec(f);
        }
        if (record.type() == TlsRecord.APPLICATION_DATA || f.cipherActive) {
            return onProtected(f, record);
        }
        if (record.type() == TlsRecord.ALERT) {
            outcome.alert(f, record.fragment(), false);
        } else {
            onHandshakeBytes(f, record.fragment());
        }
        return true;
    }

    private boolean onChangeCipherSpec(Flow f) {
        if (!handshake.negotiated()) {
            return waitForServerHello(f, "ChangeCipherSpec");
        }
        if (handshake.tls13()) {
            return true; // middlebox compatibility (RFC 8446 appendix D.4)
        }
        if (f.cipherActive) {
            if (!f.opaque) {
                keys.installRenegotiated(f);
            }
            return true;
        }
        f.cipherActive = true;
        if (!f.fromClient) {
            handshake.onServerChangeCipherSpec();
        }
        return true;
    }

    private boolean waitForServerHello(Flow f, String what) {
        if (f.fromClient && !server.dead) {
            return false;
        }
        malformed(f, f.fromClient ? NotDecryptedReason.HANDSHAKE_INCOMPLETE : NotDecryptedReason.MALFORMED,
                what + " before any ServerHello");
        return true;
    }

    private boolean onProtected(Flow f, TlsRecord record) {
        if (!handshake.negotiated()) {
            return waitForServerHello(f, "protected record");
        }
        if (f.opaque) {
            return true;
        }
        if (f.decryptor == null) {
            if (handshake.clientHello == null && !client.dead) {
                return false; // server bytes fed ahead of the client's hello
            }
            keys.installFirst(f);
            if (f.opaque) {
                return true;
            }
        }
        Plaintext plain;
        try {
            plain = f.decryptor.open(record);
            f.keysConfirmed = true;
        } catch (GeneralSecurityException e) {
            if (f.fromClient && handshake.tls13() && !f.keysConfirmed && handshake.clientHello.earlyData()) {
                openEarlyData(f, record);
            } else if (f.skipsHandshakeEpoch && !f.keysConfirmed
                    && ++f.skippedHandshakeRecords <= MAX_SKIPPED_HANDSHAKE_RECORDS) {
                outcome.problem("tls.handshake_record_skipped", f,
                        "record of " + record.fragment().length + " bytes needs the missing handshake secret");
            } else {
                outcome.fail(f, NotDecryptedReason.DECRYPT_FAILED,
                        "record of " + record.fragment().length + " bytes: " + e.getMessage());
            }
            return true;
        }
        outcome.decryptedARecord();
        onPlaintext(f, plain);
        return true;
    }

    /** A client record the handshake keys cannot open while 0-RTT was announced: try the early keys. */
    private void openEarlyData(Flow f, TlsRecord record) {
        Optional<RecordDecryptor> early = keys.early(f);
        try {
            if (early.isEmpty()) {
                throw new GeneralSecurityException("no usable " + TlsSecrets.CLIENT_EARLY_TRAFFIC_SECRET);
            }
            Plaintext plain = early.get().open(record);
            outcome.decryptedARecord();
            onPlaintext(f, plain);
        } catch (GeneralSecurityException e) {
            outcome.problem("tls.early_data_not_decrypted", f,
                    "0-RTT record of " + record.fragment().length + " bytes skipped: " + e.getMessage());
        }
    }

    private void onPlaintext(Flow f, Plaintext plain) {
        switch (plain.type()) {
            case TlsRecord.APPLICATION_DATA -> {
                if (plain.data().length > 0) {
                    listener.onPlaintext(f.fromClient, f.timestamp, ByteBuffer.wrap(plain.data()).asReadOnlyBuffer());
                }
            }
            case TlsRecord.HANDSHAKE -> onHandshakeBytes(f, plain.data());
            case TlsRecord.ALERT -> outcome.alert(f, plain.data(), true);
            default -> {
                // heartbeat or CCS inside protection: nothing to report
            }
        }
    }

    private void onHandshakeBytes(Flow f, byte[] data) {
        try {
            for (HandshakeMessage m : f.handshake.add(data)) {
                onHandshake(f, m);
            }
        } catch (TlsFormatException e) {
            malformed(f, NotDecryptedReason.MALFORMED, e.getMessage());
        }
    }

    private void onHandshake(Flow f, HandshakeMessage m) throws TlsFormatException {
        Optional<Handshake.Refusal> refusal = handshake.onMessage(f, m);
        if (refusal.isPresent()) {
            outcome.fail(server, refusal.get().reason(), refusal.get().detail());
            client.opaque = true;
        } else if (m.type() == HandshakeMessage.FINISHED && handshake.tls13() && f.epoch == Flow.Epoch.HANDSHAKE) {
            keys.installApplication(f);
        } else if (m.type() == HandshakeMessage.KEY_UPDATE && f.decryptor instanceof Tls13Decryptor current
                && f.epoch == Flow.Epoch.APPLICATION) {
            f.decryptor = current.next();
        }
    }

    private void malformed(Flow f, NotDecryptedReason r, String detail) {
        outcome.fail(f, r, detail);
        f.dead = true;
    }
}

package dev.phonehome.traffic.tls;

import java.nio.ByteBuffer;

/** Receives decrypted application data, in record order, per direction. */
@FunctionalInterface
public interface TlsListener {
    /**
     * @param fromClient     true for client-to-server data
     * @param timestampNanos capture time of the chunk that completed the record
     * @param plaintext      read-only application data of one record
     */
    void onPlaintext(boolean fromClient, long timestampNanos, ByteBuffer plaintext);
}

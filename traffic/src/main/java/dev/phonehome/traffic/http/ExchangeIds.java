package dev.phonehome.traffic.http;

import dev.phonehome.core.Digests;

/** Stable exchange identifiers: the same capture always yields the same ids, across runs and machines. */
public final class ExchangeIds {
    private static final int ID_BYTES = 12;

    private ExchangeIds() {
    }

    /** The id of the {@code sequence}-th exchange (or HTTP/2 stream) of a connection. */
    public static String of(String connectionKey, long sequence) {
        return Digests.sha256Hex(connectionKey + "#" + sequence, ID_BYTES);
    }
}

package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;

/** One protocol's view of a connection; {@link HttpConnectionParser} picks and switches them. */
interface ConnectionEngine {
    void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes);

    void gap(boolean fromClient, long missing);

    void end();
}

package dev.phonehome.traffic.flow;

import java.nio.ByteBuffer;

/** One protocol layer of a connection: takes the bytes of both directions in capture order. */
interface StreamLayer {
    /** Bytes of one direction; {@code bytes} is read-only and valid only during the call. */
    void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes);

    /** {@code missing} bytes of one direction were never captured. */
    void gap(boolean fromClient, long missing);

    /** The stream ended. */
    void end();
}

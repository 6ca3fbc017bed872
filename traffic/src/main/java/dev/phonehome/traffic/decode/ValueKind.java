package dev.phonehome.traffic.decode;

/** What a decoded leaf holds, which also says how {@link DecodedValue#value()} is written. */
public enum ValueKind {
    /** Text, as decoded (UTF-8). */
    STRING,
    /** A number written exactly as it was sent (JSON text, unsigned decimal for protobuf varints and fixed fields). */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** JSON {@code null}. */
    NULL,
    /** An empty container: {@code {}} or {@code []} (JSON), {@code {}} (protobuf message). */
    EMPTY,
    /** Bytes no decoder accepted, as lower-case hex. */
    BYTES,
    /** Bytes known to be app-layer encrypted, as lower-case hex; the path names the scheme, never decrypted. */
    OPAQUE;

    /** Whether values of this kind may be handed to further decoders. */
    boolean decodable() {
        return this == STRING || this == BYTES;
    }
}

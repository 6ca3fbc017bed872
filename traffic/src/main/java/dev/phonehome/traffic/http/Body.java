package dev.phonehome.traffic.http;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A message body after transfer decoding and content decoding.
 *
 * @param bytes           decoded content, at most the decoding budget
 * @param wireLength      bytes of content seen on the wire (after de-chunking), even past the capture cap
 * @param contentEncoding the codings applied, as sent (e.g. {@code "gzip, br"}), empty for identity
 * @param truncated       true when {@code bytes} is not the whole content (capture cap, decoding budget, or a cut stream)
 * @param decodeError     why content decoding failed, if it did
 * @param encoded         the still-encoded bytes kept when decoding failed, empty otherwise
 */
public record Body(byte[] bytes, long wireLength, String contentEncoding, boolean truncated,
                   Optional<String> decodeError, byte[] encoded) {
    private static final byte[] NONE = new byte[0];

    public static final Body EMPTY = new Body(NONE, 0, "", false, Optional.empty(), NONE);

    public Body {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentEncoding, "contentEncoding");
        Objects.requireNonNull(decodeError, "decodeError");
        Objects.requireNonNull(encoded, "encoded");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && Arrays.equals(bytes, b.bytes) && wireLength == b.wireLength
                && contentEncoding.equals(b.contentEncoding) && truncated == b.truncated
                && decodeError.equals(b.decodeError) && Arrays.equals(encoded, b.encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), wireLength, contentEncoding, truncated, decodeError);
    }

    @Override
    public String toString() {
        return "Body[" + bytes.length + " bytes, wire " + wireLength + ", encoding '" + contentEncoding + "'"
                + (truncated ? ", truncated" : "") + decodeError.map(e -> ", error " + e).orElse("") + "]";
    }
}

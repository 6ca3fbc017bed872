package dev.phonehome.core.kb;

import java.util.Objects;

/**
 * One step of the way from a request's context (query, body, a header, a cookie) to a value: a
 * member name, an array position, or the occurrence number of a name that is repeated.
 *
 * @param text the name, or the position in decimal
 * @param kind what the step is
 */
public record FieldStep(String text, Kind kind) {
    public enum Kind {
        /** An object member, form field, header, cookie or protobuf field number. */
        KEY,
        /** A position in an array (JSON, NDJSON). */
        INDEX,
        /** Which occurrence of a repeated name (a form field sent twice, a repeated protobuf field). */
        OCCURRENCE
    }

    public FieldStep {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public static FieldStep key(String name) {
        return new FieldStep(name, Kind.KEY);
    }

    public static FieldStep index(int position) {
        return new FieldStep(Integer.toString(position), Kind.INDEX);
    }

    public static FieldStep occurrence(int n) {
        return new FieldStep(Integer.toString(n), Kind.OCCURRENCE);
    }
}

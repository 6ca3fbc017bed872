package dev.phonehome.traffic.decode;

import java.util.Locale;
import java.util.Objects;

/**
 * What the context says about a value before its bytes are looked at.
 *
 * @param contentType media type with parameters (from Content-Type, or a multipart part), empty if unknown
 * @param compression a compression the sender announced out of band (e.g. Sensors Data's {@code gzip=1},
 *                    a part's Content-Encoding): {@code gzip}, {@code deflate}, {@code br}, {@code zstd}, or empty
 * @param origin      where the value came from when that changes its syntax: {@code cookie},
 *                    {@code authorization}, or empty
 */
public record Hints(String contentType, String compression, String origin) {
    public static final Hints NONE = new Hints("", "", "");

    public Hints {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(origin, "origin");
    }

    public static Hints contentType(String contentType) {
        return new Hints(contentType, "", "");
    }

    public static Hints origin(String origin) {
        return new Hints("", "", origin);
    }

    public Hints withCompression(String coding) {
        return new Hints(contentType, coding, origin);
    }

    /** The media type without parameters, lower-cased: {@code application/json}. */
    public String mediaType() {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** A media-type parameter such as {@code boundary}, unquoted, or empty. */
    public String parameter(String name) {
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = part.substring(eq + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }
}

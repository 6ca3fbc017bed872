package dev.phonehome.traffic.decode;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The path of a decoded value. Paths are evidence people cite, so this syntax is stable:
 * <pre>
 * path     = root *(" &gt; " segment)
 * root     = "query" | "header:" header-name | "body"
 * segment  = layer                                  ; base64, base64url, gzip, zlib, deflate, br, zstd
 *          | "form:" name | "cookie:" name | "multipart:" name
 *          | "json" *selector                       ; json[0].properties.$model, json["a b"]
 *          | "ndjson[" n "]" | "jwt:header" | "jwt:payload" | "jwt:signature"
 *          | "bearer" | "basic"                     ; Authorization schemes
 *          | "pb:" field *("." field)               ; pb:1.3, pb:1[2].3
 *          | "encrypted-payload(" scheme ")"        ; left opaque, e.g. sensorsdata-gzip-9
 * selector = "." key | "[" n "]" | "[" quoted "]"   ; quoted when the key is not [A-Za-z_$][A-Za-z0-9_$-]*
 * field    = number ["[" n "]"]
 * name     = raw name, or quoted when empty or holding space, '&gt;', '[', ']', '"', '\' or controls
 * </pre>
 * Quoting is JSON string syntax. {@code [n]} after a name or field number counts from 0 and appears
 * only when that name occurs more than once in the same container, so a singular value reads
 * {@code form:gzip} while a repeated one reads {@code form:id[0]}, {@code form:id[1]}.
 */
public final class PathSyntax {
    public static final String SEPARATOR = " > ";

    private static final Pattern PLAIN_NAME = Pattern.compile("[^\\s>\\[\\]\"\\\\\\p{Cntrl}]+");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private PathSyntax() {
    }

    /** {@code parent > segment}. */
    public static String child(String parent, String segment) {
        return parent + SEPARATOR + segment;
    }

    /** A name as written after {@code form:}, {@code cookie:} or {@code multipart:}. */
    public static String name(String raw) {
        return PLAIN_NAME.matcher(raw).matches() ? raw : quote(raw);
    }

    /** A JSON object member selector: {@code .key} or {@code ["odd key"]}. */
    public static String jsonKey(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + quote(key) + "]";
    }

    /**
     * Each name followed by its occurrence index when it occurs more than once in {@code names}.
     * Names are compared as given (already rendered).
     */
    public static List<String> indexed(List<String> names) {
        Map<String, Integer> counts = new HashMap<>();
        names.forEach(n -> counts.merge(n, 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            int i = seen.merge(n, 1, Integer::sum) - 1;
            out.add(counts.get(n) > 1 ? n + "[" + i + "]" : n);
        }
        return out;
    }

    private static String quote(String raw) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(raw)) + "\"";
    }
}

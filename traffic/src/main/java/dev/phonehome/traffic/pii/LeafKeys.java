package dev.phonehome.traffic.pii;

import dev.phonehome.traffic.decode.PathSyntax;
import java.util.Locale;

/**
 * The name a leaf was sent under, read from its path ({@link PathSyntax}): {@code $model} in
 * {@code body > json[0].properties.$model}, {@code id} in {@code query > form:id[1]}. Called for
 * every leaf, so it scans by hand rather than with regular expressions.
 */
final class LeafKeys {
    private LeafKeys() {
    }

    /** The last key of {@code path}, unquoted; empty when the last segment has none. */
    static String lastKey(String path) {
        int end = withoutIndexes(path);
        int start = keyStart(path, end);
        if (path.startsWith("[\"", start) && path.startsWith("\"]", end - 2) && end - start >= 4) {
            return path.substring(start + 2, end - 2).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return path.substring(start, end);
    }

    /** {@code path} without its last key and index: leaves with the same parent were sent side by side. */
    static String parent(String path) {
        return path.substring(0, keyStart(path, withoutIndexes(path)));
    }

    /** A key folded for comparison: lower case without {@code _ $ . -} or spaces. */
    static String normal(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ("_$.- \t".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The end of {@code path} once trailing {@code [n]} indexes are cut off. */
    private static int withoutIndexes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == ']') {
            int i = end - 2;
            while (i >= 0 && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
                i--;
            }
            if (i < 0 || i == end - 2 || path.charAt(i) != '[') {
                break;
            }
            end = i;
        }
        return end;
    }

    /** Where the key ending at {@code end} begins: at a quoted selector, or after the last {@code .}, {@code :} or separator. */
    private static int keyStart(String path, int end) {
        int segment = path.lastIndexOf(PathSyntax.SEPARATOR, end - 1);
        int floor = segment < 0 ? 0 : segment + PathSyntax.SEPARATOR.length();
        if (path.startsWith("\"]", end - 2)) {
            int quoted = path.lastIndexOf("[\"", end - 3);
            return quoted < floor ? floor : quoted;
        }
        for (int i = end - 1; i >= floor; i--) {
            char c = path.charAt(i);
            if (c == '.' || c == ':') {
                return i + 1;
            }
        }
        return floor;
    }
}

package dev.phonehome.traffic.pii;

import dev.phonehome.traffic.decode.PathSyntax;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a leaf was sent under, read from its path ({@link PathSyntax}): {@code $model} in
 * {@code body > json[0].properties.$model}, {@code id} in {@code query > form:id[1]}.
 */
final class LeafKeys {
    private static final Pattern TRAILING_INDEX = Pattern.compile("(\\[[0-9]+])+$");
    private static final Pattern NOT_NAME = Pattern.compile("[_$.\\s-]");

    private LeafKeys() {
    }

    /** The last key of {@code path}, unquoted; empty when the last segment has none. */
    static String lastKey(String path) {
        String segment = lastSegment(path);
        int start = keyStart(segment);
        String key = segment.substring(start);
        if (key.startsWith("[\"") && key.endsWith("\"]")) {
            return key.substring(2, key.length() - 2).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return key;
    }

    /** {@code path} without its last key and index: leaves with the same parent were sent side by side. */
    static String parent(String path) {
        String segment = lastSegment(path);
        return path.substring(0, path.length() - segment.length() + keyStart(segment));
    }

    /** A key folded for comparison: lower case without {@code _ $ . -} or spaces. */
    static String normal(String key) {
        return NOT_NAME.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String lastSegment(String path) {
        int cut = path.lastIndexOf(PathSyntax.SEPARATOR);
        String segment = cut < 0 ? path : path.substring(cut + PathSyntax.SEPARATOR.length());
        return TRAILING_INDEX.matcher(segment).replaceAll("");
    }

    /** Where the key begins in an unindexed segment: after the last {@code .} or {@code :}, or at a quoted selector. */
    private static int keyStart(String segment) {
        if (segment.endsWith("\"]")) {
            int quoted = segment.lastIndexOf("[\"");
            return quoted < 0 ? 0 : quoted;
        }
        return Math.max(segment.lastIndexOf('.'), segment.lastIndexOf(':')) + 1;
    }
}

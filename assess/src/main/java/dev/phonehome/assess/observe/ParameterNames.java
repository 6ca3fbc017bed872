package dev.phonehome.assess.observe;

import dev.phonehome.traffic.decode.PathSyntax;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name a person calls a parameter by: the last key of its decoded path. */
final class ParameterNames {
    /** The last {@code .key} or {@code ["key"]} of a JSON selector chain, before any {@code [n]}. */
    private static final Pattern LAST_JSON_KEY =
            Pattern.compile("(?:\\.([A-Za-z_$][A-Za-z0-9_$-]*)|\\[\"((?:[^\"\\\\]|\\\\.)*)\"])(?:\\[\\d+])*$");
    private static final Pattern NAMED = Pattern.compile("^(?:form|cookie|multipart):(.*?)(?:\\[\\d+])?$");

    private ParameterNames() {
    }

    static String of(String path) {
        int cut = path.lastIndexOf(PathSyntax.SEPARATOR);
        String last = cut < 0 ? path : path.substring(cut + PathSyntax.SEPARATOR.length());
        Matcher named = NAMED.matcher(last);
        if (named.matches()) {
            return unquote(named.group(1));
        }
        if (last.startsWith("json")) {
            Matcher key = LAST_JSON_KEY.matcher(last);
            if (key.find()) {
                return key.group(1) != null ? key.group(1) : key.group(2).replace("\\\"", "\"");
            }
        }
        return last;
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\\\"", "\"") : name;
    }
}

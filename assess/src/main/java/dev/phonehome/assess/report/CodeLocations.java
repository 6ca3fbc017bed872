package dev.phonehome.assess.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a finding's evidence location ({@code classes.dex Lcom/a/B;->m()V @0x1a}) as a class or method. */
final class CodeLocations {
    private static final Pattern DEX = Pattern.compile("^\\S+\\.dex (L[^;\\s]+;(?:->\\S+)?)(?: @0x[0-9a-f]+)?$");

    private CodeLocations() {
    }

    /** The class or method descriptor, or the location itself when it is not code. */
    static String member(String location) {
        Matcher m = DEX.matcher(location);
        return m.matches() ? m.group(1) : location;
    }

    /** SARIF logical-location kind: {@code function}, {@code type} or {@code resource}. */
    static String kind(String location) {
        Matcher m = DEX.matcher(location);
        if (!m.matches()) {
            return "resource";
        }
        return m.group(1).contains("->") ? "function" : "type";
    }
}

package dev.phonehome.apk.dex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Debian's {@code dexdump -d} (AOSP) reports for one DEX: classes in order, each with its
 * methods in order, each method with its invoke and const-string instructions ("pc kind@index").
 */
final class DexdumpListing {
    record Method(String name, String type, List<String> events) {
    }

    record Clazz(String descriptor, List<Method> methods) {
    }

    private static final Pattern CLASS = Pattern.compile("^  Class descriptor  : '(.*)'$");
    private static final Pattern NAME = Pattern.compile("^      name          : '(.*)'$");
    private static final Pattern TYPE = Pattern.compile("^      type          : '(.*)'$");
    private static final Pattern INSN = Pattern.compile(
            "(?s)\\|([0-9a-f]{4,8}): (invoke-[a-z/-]+|const-string(?:/jumbo)?) .*(?:// |, )(method|string|call_site)@([0-9a-f]+)");

    private DexdumpListing() {
    }

    static List<Clazz> parse(List<String> lines) {
        List<Clazz> classes = new ArrayList<>();
        boolean inMethods = false;
        boolean pendingMethod = false;
        String pendingName = null;
        StringBuilder split = null;
        for (String raw : lines) {
            String line = raw;
            if (split != null) {
                // A string constant with a line break continues the instruction on the next lines.
                split.append('\n').append(raw);
                if (!raw.contains("// string@")) {
                    continue;
                }
                line = split.toString();
                split = null;
            } else if (inMethods && raw.contains(": const-string") && !raw.contains("// string@")) {
                split = new StringBuilder(raw);
                continue;
            }
            Matcher m;
            if ((m = CLASS.matcher(line)).matches()) {
                classes.add(new Clazz(m.group(1), new ArrayList<>()));
                inMethods = false;
            } else if (line.startsWith("  Direct methods") || line.startsWith("  Virtual methods")) {
                inMethods = true;
            } else if (line.startsWith("  Static fields") || line.startsWith("  Instance fields")
                    || line.startsWith("  source_file_idx")) {
                inMethods = false;
            } else if (inMethods && line.startsWith("    #") && line.contains(": (in ")) {
                pendingMethod = true;
            } else if (pendingMethod && (m = NAME.matcher(line)).matches()) {
                pendingName = m.group(1);
            } else if (pendingMethod && (m = TYPE.matcher(line)).matches()) {
                classes.get(classes.size() - 1).methods().add(new Method(pendingName, m.group(1), new ArrayList<>()));
                pendingMethod = false;
            } else if (inMethods && (m = INSN.matcher(line)).find()) {
                List<Method> methods = classes.get(classes.size() - 1).methods();
                methods.get(methods.size() - 1).events().add(
                        Integer.parseInt(m.group(1), 16) + " " + m.group(3) + "@" + Integer.parseInt(m.group(4), 16));
            }
        }
        return classes;
    }
}

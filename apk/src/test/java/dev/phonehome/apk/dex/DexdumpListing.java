package dev.phonehome.apk.dex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Debian's {@code dexdump -d} (AOSP) reports for one DEX: classes in order with their facts
 * (access flags, superclass, interfaces, source file as Java names), each with its methods in
 * order, each method with its invoke and const-string instructions ("pc kind@index").
 */
final class DexdumpListing {
    record Method(String name, String type, List<String> facts, List<String> events) {
    }

    record Clazz(String descriptor, List<String> facts, List<Method> methods) {
    }

    private static final Pattern CLASS = Pattern.compile("^  Class descriptor  : '(.*)'$");
    private static final Pattern NAME = Pattern.compile("^      name          : '(.*)'$");
    private static final Pattern TYPE = Pattern.compile("^      type          : '(.*)'$");
    private static final Pattern METHOD_ACCESS = Pattern.compile("^      access        : 0x([0-9a-f]+) .*$");
    private static final Pattern CLASS_ACCESS = Pattern.compile("^  Access flags      : 0x([0-9a-f]+) .*$");
    private static final Pattern SUPER = Pattern.compile("^  Superclass        : '(.*)'$");
    private static final Pattern INTERFACE = Pattern.compile("^    #\\d+ +: '(.*)'$");
    private static final Pattern SOURCE = Pattern.compile("^  source_file_idx   : -?\\d+ \\((.*)\\)$");
    private static final Pattern INSN = Pattern.compile(
            "(?s)\\|([0-9a-f]{4,8}): (invoke-[a-z/-]+|const-string(?:/jumbo)?) .*(?:// |, )(method|string|call_site)@([0-9a-f]+)");

    private DexdumpListing() {
    }

    static List<Clazz> parse(List<String> lines) {
        List<Clazz> classes = new ArrayList<>();
        boolean inMethods = false;
        boolean inInterfaces = false;
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
            Clazz current = classes.isEmpty() ? null : classes.get(classes.size() - 1);
            if ((m = CLASS.matcher(line)).matches()) {
                classes.add(new Clazz(m.group(1), new ArrayList<>(), new ArrayList<>()));
                inMethods = false;
            } else if ((m = CLASS_ACCESS.matcher(line)).matches()) {
                current.facts().add("access " + Integer.toHexString(Integer.parseInt(m.group(1), 16)));
            } else if ((m = SUPER.matcher(line)).matches()) {
                current.facts().add("super " + TypeNames.javaName(m.group(1)));
            } else if (line.startsWith("  Interfaces")) {
                inInterfaces = true;
            } else if (inInterfaces && (m = INTERFACE.matcher(line)).matches()) {
                current.facts().add("interface " + TypeNames.javaName(m.group(1)));
            } else if ((m = SOURCE.matcher(line)).matches()) {
                current.facts().add("source " + m.group(1));
                inMethods = false;
            } else if (line.startsWith("  Direct methods") || line.startsWith("  Virtual methods")) {
                inMethods = true;
                inInterfaces = false;
            } else if (line.startsWith("  Static fields") || line.startsWith("  Instance fields")) {
                inMethods = false;
                inInterfaces = false;
            } else if (inMethods && line.startsWith("    #") && line.contains(": (in ")) {
                pendingMethod = true;
            } else if (pendingMethod && (m = NAME.matcher(line)).matches()) {
                pendingName = m.group(1);
            } else if (pendingMethod && (m = TYPE.matcher(line)).matches()) {
                current.methods().add(new Method(pendingName, m.group(1), new ArrayList<>(), new ArrayList<>()));
            } else if (pendingMethod && (m = METHOD_ACCESS.matcher(line)).matches()) {
                List<Method> methods = current.methods();
                methods.get(methods.size() - 1).facts().add(Integer.toHexString(Integer.parseInt(m.group(1), 16)));
                pendingMethod = false;
            } else if (inMethods && (m = INSN.matcher(line)).find()) {
                List<Method> methods = current.methods();
                methods.get(methods.size() - 1).events().add(
                        Integer.parseInt(m.group(1), 16) + " " + m.group(3) + "@" + Integer.parseInt(m.group(4), 16));
            }
        }
        return classes;
    }
}

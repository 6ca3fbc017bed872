package dev.phonehome.core.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates {@code permissions.json} from the platform manifest in Debian's android-framework-res
 * package, read through {@code aapt dump xmltree} (its text output is parsed here, so the
 * generator does not depend on phonehome's own binary XML parser).
 */
final class PermissionFileGenerator {
    static final Path FRAMEWORK_RES = Path.of("/usr/share/android-framework-res/framework-res.apk");

    private static final String SOURCE = "android-framework";
    /** When the package was read; the framework release itself is named in the snapshot. */
    private static final String SOURCE_DATE = "2026-11-24";
    private static final List<String> BASE_LEVELS = List.of("normal", "dangerous", "signature", "signatureOrSystem");
    /** protectionLevel flag bits as defined by android.R.attr#protectionLevel. */
    private static final Map<Integer, String> FLAGS = Map.ofEntries(
            Map.entry(0x10, "privileged"), Map.entry(0x20, "development"), Map.entry(0x40, "appop"),
            Map.entry(0x80, "pre23"), Map.entry(0x100, "installer"), Map.entry(0x200, "verifier"),
            Map.entry(0x400, "preinstalled"), Map.entry(0x800, "setup"), Map.entry(0x1000, "instant"),
            Map.entry(0x2000, "runtime"), Map.entry(0x4000, "oem"), Map.entry(0x8000, "vendorPrivileged"),
            Map.entry(0x10000, "textClassifier"), Map.entry(0x20000, "wellbeing"),
            Map.entry(0x40000, "documenter"), Map.entry(0x80000, "configurator"),
            Map.entry(0x100000, "incidentReportApprover"), Map.entry(0x200000, "appPredictor"),
            Map.entry(0x400000, "companion"), Map.entry(0x800000, "retailDemo"));

    private static final Pattern ELEMENT = Pattern.compile("^\\s*E: (\\S+) \\(line=(\\d+)\\)");
    private static final Pattern STRING_ATTR = Pattern.compile("^\\s*A: android:(\\w+)\\(0x[0-9a-f]+\\)=\"([^\"]*)\"");
    private static final Pattern INT_ATTR = Pattern.compile("^\\s*A: android:(\\w+)\\(0x[0-9a-f]+\\)=\\(type 0x1[01]\\)0x([0-9a-f]+)");

    void generate(Path kbDir, String kbVersion) throws IOException, InterruptedException {
        List<String> lines = aapt("dump", "xmltree", FRAMEWORK_RES.toString(), "AndroidManifest.xml");
        String versionName = null;
        List<Map<String, Object>> permissions = new ArrayList<>();
        Map<String, Object> current = null;
        for (String line : lines) {
            Matcher element = ELEMENT.matcher(line);
            if (element.find()) {
                current = element.group(1).equals("permission") ? new TreeMap<>() : null;
                if (current != null) {
                    current.put("provenance", List.of(TrackerFileGenerator.provenance(SOURCE,
                            "AndroidManifest.xml line " + element.group(2), SOURCE_DATE, null, null)));
                    permissions.add(current);
                }
                continue;
            }
            Matcher s = STRING_ATTR.matcher(line);
            Matcher i = INT_ATTR.matcher(line);
            if (s.find()) {
                if (s.group(1).equals("versionName") && versionName == null) {
                    versionName = s.group(2);
                } else if (current != null && s.group(1).equals("name")) {
                    current.put("name", s.group(2));
                } else if (current != null && s.group(1).equals("permissionGroup")) {
                    current.put("group", s.group(2));
                }
            } else if (current != null && i.find() && i.group(1).equals("protectionLevel")) {
                int level = Integer.parseUnsignedInt(i.group(2), 16);
                current.put("protection", BASE_LEVELS.get(level & 0xf));
                current.put("flags", flags(level & ~0xf));
            }
        }
        permissions.forEach(p -> p.putIfAbsent("protection", "normal"));
        permissions.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        String snapshot = "framework-res " + versionName + " (Debian android-framework-res " + debianVersion() + ")";
        Map<String, Object> provenance = Map.of(
                "sources", List.of(TrackerFileGenerator.source(SOURCE,
                        "Android platform manifest (framework-res.apk AndroidManifest.xml)",
                        "Debian package android-framework-res, " + FRAMEWORK_RES, snapshot,
                        SOURCE_DATE, "Apache-2.0 (AOSP)")),
                "generated_by", "core/src/test/java/dev/phonehome/core/kb/PermissionFileGenerator.java via aapt dump xmltree");
        KbJsonWriter.write(kbDir.resolve("permissions.json"), kbVersion, provenance, Map.of("permissions", permissions));
    }

    private static List<String> flags(int bits) {
        List<String> names = new ArrayList<>();
        for (int bit = 0x10; bit != 0; bit <<= 1) {
            if ((bits & bit) != 0) {
                String name = FLAGS.get(bit);
                if (name == null) {
                    throw new IllegalStateException("unknown protectionLevel flag 0x" + Integer.toHexString(bit));
                }
                names.add(name);
            }
        }
        return names;
    }

    private static String debianVersion() throws IOException, InterruptedException {
        return run("dpkg-query", "-W", "-f=${Version}", "android-framework-res").get(0);
    }

    private static List<String> aapt(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aapt"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + lines);
        }
        return lines;
    }
}

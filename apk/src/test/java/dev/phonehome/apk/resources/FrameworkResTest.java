package dev.phonehome.apk.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every plain string value of Android 10's framework-res.apk (Debian {@code android-framework-res}),
 * in every configuration, as {@code aapt dump --values resources} prints it.
 */
class FrameworkResTest {
    private static final Path FRAMEWORK_RES = Path.of("/usr/share/android-framework-res/framework-res.apk");
    private static final Path AAPT = Path.of("/usr/bin/aapt");
    private static final Pattern CONFIG = Pattern.compile("^\\s+config (.+):$");
    private static final Pattern STRING_RESOURCE = Pattern.compile("^\\s+resource 0x([0-9a-f]{8}) [^ ]+: t=0x03 ");
    private static final Pattern STRING_VALUE = Pattern.compile("^\\s+\\(string(?:8|16)\\) \"(.*)\"$");

    @Test
    void stringsInAllConfigurationsMatchAapt() throws Exception {
        assumeTrue(Files.isRegularFile(FRAMEWORK_RES) && Files.isExecutable(AAPT), "framework-res.apk or aapt missing");
        ResourceTable table = ResourceTable.parse(arsc());
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        String config = null;
        String[] lines = aaptValues().split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher c = CONFIG.matcher(lines[i]);
            if (c.matches()) {
                config = c.group(1).equals("(default)") ? "default" : c.group(1);
                continue;
            }
            Matcher r = STRING_RESOURCE.matcher(lines[i]);
            Matcher v = STRING_VALUE.matcher(lines[i + 1]);
            if (!r.find() || !v.matches() || v.group(1).contains("\\") || v.group(1).contains("\"")) {
                continue; // aapt escapes such strings; comparing them would test the escaping
            }
            int id = Integer.parseUnsignedInt(r.group(1), 16);
            String wanted = config;
            String ours = table.resolve(id).stream().filter(rv -> rv.config().equals(wanted))
                    .map(rv -> rv.value().string()).findFirst().orElse("<missing>");
            compared++;
            if (!ours.equals(v.group(1)) && mismatches.size() < 20) {
                mismatches.add(String.format("0x%08x [%s]: aapt '%s', ours '%s'", id, config, v.group(1), ours));
            }
        }
        assertThat(compared).isGreaterThan(50_000);
        assertThat(mismatches).isEmpty();
        assertThat(table.name(0x0104000a)).hasValue("string/ok");
        assertThat(table.string(0x0104000a, "default")).hasValue("OK");
        assertThat(table.string(0x0104000a, "xx-rYY")).as("falls back to default").hasValue("OK");
        assertThat(table.string(0x0104000a, "ca")).hasValue("D'acord");
        assertThat(table.packages()).containsEntry(1, "android");
        assertThat(table.problems()).isEmpty();
    }

    private static byte[] arsc() throws IOException {
        try (ZipFile zip = new ZipFile(FRAMEWORK_RES.toFile()); InputStream in = zip.getInputStream(zip.getEntry("resources.arsc"))) {
            return in.readAllBytes();
        }
    }

    private static String aaptValues() throws Exception {
        Process p = new ProcessBuilder(AAPT.toString(), "dump", "--values", "resources", FRAMEWORK_RES.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}

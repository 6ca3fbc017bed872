package dev.phonehome.assess.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.yaml.SafeYaml;
import dev.phonehome.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** device.yaml is user input: bombs, tags and wrong types become device.* problems, never a crash. */
class HostileDeviceYamlTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDescriptionKeysAndIgnoresIdentifiers() throws Exception {
        DeviceYaml.Result r = read("""
                vendor: "Xiaomi"
                model: "Mi 10T 5G"
                build: "MIUI Global 12.0.10"
                region: "EEA"
                consent: { user_experience_programme: true, cloud: "false" }
                imei: "358240051111110"
                honey: ["my-canary-string"]
                """);
        assertThat(r.problems()).isEmpty();
        DeviceDescription d = r.device().orElseThrow();
        assertThat(d.name()).isEqualTo("Xiaomi Mi 10T 5G");
        assertThat(d.build()).contains("MIUI Global 12.0.10");
        assertThat(d.consent()).isEqualTo(Map.of("cloud", false, "user_experience_programme", true));
    }

    @Test
    void aliasBombIsNeverExpanded() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String p = String.valueOf((char) (c - 1));
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        bomb.append("vendor: *k\n");
        long start = System.nanoTime();
        DeviceYaml.Result r = read(bomb.toString());
        // Jackson's YAML reader yields an alias as its name; 6^10 strings are never built.
        assertThat(r.device().flatMap(DeviceDescription::vendor).orElse("")).hasSizeLessThan(10);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void javaTypeTagsConstructNothing() throws Exception {
        DeviceYaml.Result r = read("vendor: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertThat(r.device().flatMap(DeviceDescription::vendor)).isEmpty();
        assertThat(r.problems()).extracting(Problem::code).containsAnyOf("device.bad-value", "device.unreadable");
    }

    @Test
    void deepNestingHugeFilesAndWrongShapesAreProblems() throws Exception {
        assertProblem(read("consent: " + "[".repeat(10_000)), "device.unreadable", "not valid YAML");
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[SafeYaml.MAX_BYTES + 1]);
        assertProblem(DeviceYaml.read(huge), "device.unreadable", "over the limit");
        assertProblem(read("- just\n- a list\n"), "device.not-a-mapping", "not a mapping");
        assertProblem(read("vendor: [1, 2]\nconsent: {cloud: maybe}\n"), "device.bad-value", "vendor must be text");
        assertProblem(read("model: \"" + "m".repeat(500) + "\"\n"), "device.bad-value", "over 200");
        assertProblem(DeviceYaml.read(dir.resolve("missing.yaml")), "device.unreadable", "missing.yaml");
        assertProblem(read("vendor: a\nvendor: b\n"), "device.unreadable", "Duplicate");
    }

    private DeviceYaml.Result read(String yaml) throws Exception {
        return DeviceYaml.read(Files.writeString(dir.resolve("device.yaml"), yaml));
    }

    private static void assertProblem(DeviceYaml.Result r, String code, String message) {
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.message()).containsIgnoringCase(message);
        });
    }
}

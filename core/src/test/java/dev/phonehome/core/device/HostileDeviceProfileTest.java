package dev.phonehome.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacker-made or broken device.yaml files: each is refused with a message naming the file and key,
 * quickly and within a 256 MiB heap (this class runs with -Xmx256m).
 */
class HostileDeviceProfileTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    private static DeviceProfileException refused(String yaml) {
        return assertTimeoutPreemptively(QUICK, () -> {
            try {
                DeviceProfiles.parse("evil.yaml", yaml);
            } catch (DeviceProfileException e) {
                assertThat(e.file()).isEqualTo("evil.yaml");
                return e;
            }
            throw new AssertionError("accepted: " + yaml.substring(0, Math.min(200, yaml.length())));
        });
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAnchor() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            yaml.append("]\n");
        }
        assertThat(refused(yaml.toString()).getMessage()).contains("anchor or alias");
    }

    @Test
    void anAliasOfAScalarIsRefused() {
        DeviceProfileException e = refused("vendor: &v \"x\"\nmodel: *v\n");
        assertThat(e.getMessage()).contains("anchor or alias (&, *)");
        assertThat(refused("model: *v\n").key()).isEqualTo("model");
    }

    @Test
    void typeTagsAreRefused() {
        DeviceProfileException e = refused("serial: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertThat(e.key()).isEqualTo("serial");
        assertThat(e.getMessage()).contains("type tag");
        assertThat(refused("imei: !!str 358240051111110\n").getMessage()).contains("type tag tag:yaml.org,2002:str");
    }

    @Test
    void duplicateKeysAreRefused() {
        DeviceProfileException e = refused("imei: \"358240051111110\"\nvendor: x\nimei: \"490154203237518\"\n");
        assertThat(e.getMessage()).isEqualTo("evil.yaml: imei: appears twice (line 3)");
        assertThat(refused("consent: { cloud: true, cloud: false }\n").getMessage())
                .startsWith("evil.yaml: consent.cloud: appears twice");
    }

    @Test
    void wrongTypesNameKeyAndWhatWasFound() {
        assertThat(refused("vendor: [a, b]\n").getMessage()).isEqualTo("evil.yaml: vendor: must be a single value, found a list (line 1)");
        assertThat(refused("imei: { a: 1 }\n").getMessage())
                .isEqualTo("evil.yaml: imei: must be a value or a list of values, found a mapping (line 1)");
        assertThat(refused("consent: [cloud]\n").getMessage())
                .startsWith("evil.yaml: consent: must be a mapping of setting names to true or false, found a list");
        assertThat(refused("serial: true\n").getMessage()).contains("serial: must be text, found the boolean true");
        assertThat(refused("honey: [[nested]]\n").getMessage()).contains("honey[0]: must be a single value, found a nested list");
        assertThat(refused("- just\n- a list\n").getMessage()).contains("top level: must be a mapping");
        assertThat(refused("\"just a string\"\n").getMessage()).contains("top level: must be a mapping");
    }

    @Test
    void deepNestingIsRefused() {
        assertThat(refused("honey: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")).isNotNull();
    }

    @Test
    void severalDocumentsAreRefused() {
        assertThat(refused("vendor: a\n---\nvendor: b\n").getMessage()).contains("more than one YAML document");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        DeviceProfileException e = refused("vendor: \"unterminated\nmodel: x\n");
        assertThat(e.key()).isEqualTo("syntax");
        assertThat(refused("a: b: c\n").key()).isEqualTo("syntax");
    }

    @Test
    void tooManyItemsAreRefused() {
        StringBuilder yaml = new StringBuilder("honey:\n");
        for (int i = 0; i <= ProfileYaml.MAX_ITEMS; i++) {
            yaml.append("  - \"canary-").append(i).append("\"\n");
        }
        assertThat(refused(yaml.toString()).getMessage()).contains("honey: has more than 10000 items");
    }

    @Test
    void hugeTextIsRefusedBySize() {
        String yaml = "honey: \"" + "x".repeat(2 << 20) + "\"\n";
        assertThat(refused(yaml).key()).isEqualTo("syntax");
    }

    @Test
    void hugeFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) DeviceProfiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> DeviceProfiles.read(big)).isInstanceOf(DeviceProfileException.class)
                .hasMessage(big + ": file: " + (DeviceProfiles.MAX_BYTES + 1) + " bytes; a device profile is at most "
                        + DeviceProfiles.MAX_BYTES + " bytes");
    }

    @Test
    void binaryGarbageIsASyntaxErrorNotACrash() {
        assertThat(refused("\u0000\u0001\u0002{[&*!%@`").key()).isIn("syntax", "top level");
    }
}

package dev.phonehome.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFirmwareTest {
    @TempDir
    Path dir;

    /** Same keys, same APK bytes: a demo's hashes and fingerprints are the same on every build. */
    @Test
    void writingTwiceGivesIdenticalFiles() throws Exception {
        Path first = new SampleFirmware().write(dir.resolve("first"));
        Path second = new SampleFirmware().write(dir.resolve("second"));
        List<Path> files = files(first);
        assertThat(files).hasSizeGreaterThanOrEqualTo(6).isEqualTo(files(second));
        for (Path f : files) {
            assertThat(Files.readAllBytes(second.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(first.resolve(f)));
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}

package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.testkit.geo.NpmTarball;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tarballs are unpacked by name only, within limits; traversal, links and bombs get nowhere. */
class HostileTarballTest {
    @TempDir
    Path tmp;

    private final TarballExtractor extractor = new TarballExtractor(1_000, 10_000);

    private Path out() throws IOException {
        return Files.createDirectories(tmp.resolve("out"));
    }

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void onlyWantedNamesAreWrittenAndUnderTheirOwnName() throws Exception {
        Path tgz = NpmTarball.of("x", "1").file("package/../../escaped", new byte[] {1})
                .file("/etc/absolute", new byte[] {2}).file("package/sub/data.csv", new byte[] {3})
                .file("package/data.csv", new byte[] {4}).write(tmp.resolve("a.tgz"));
        Map<String, Path> files = extractor.extract(tgz, Set.of("data.csv"), out());
        assertThat(Files.readAllBytes(files.get("data.csv"))).containsExactly(4);
        assertThat(names(tmp.resolve("out"))).containsExactly("data.csv");
        assertThat(tmp.getParent().resolve("escaped")).doesNotExist();
    }

    @Test
    void aLinkInPlaceOfAWantedFileIsRefused() throws Exception {
        Path tgz = NpmTarball.of("x", "1").symlink("package/data.csv", "/etc/passwd").write(tmp.resolve("l.tgz"));
        assertThatThrownBy(() -> extractor.extract(tgz, Set.of("data.csv"), out()))
                .isInstanceOf(GeodataUpdateException.class).hasMessageContaining("package/data.csv is not a regular file");
    }

    @Test
    void aWantedFileTwiceIsRefused() throws Exception {
        Path tgz = NpmTarball.of("x", "1").file("package/data.csv", new byte[1]).file("package/data.csv", new byte[2])
                .write(tmp.resolve("d.tgz"));
        assertThatThrownBy(() -> extractor.extract(tgz, Set.of("data.csv"), out())).hasMessageContaining("appears twice");
    }

    @Test
    void filesAndStreamsOverTheLimitsAreRefused() throws Exception {
        Path big = NpmTarball.of("x", "1").file("package/data.csv", new byte[1_001]).write(tmp.resolve("big.tgz"));
        assertThatThrownBy(() -> extractor.extract(big, Set.of("data.csv"), out()))
                .hasMessageContaining("has 1001 bytes, more than the limit of 1000");
        NpmTarball many = NpmTarball.of("x", "1");
        for (int i = 0; i < 11; i++) {
            many.file("package/filler" + i, new byte[1_000]);
        }
        Path bomb = many.write(tmp.resolve("bomb.tgz"));
        assertThatThrownBy(() -> extractor.extract(bomb, Set.of("data.csv"), out()))
                .hasMessageContaining("more than 10000 bytes unpacked");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path tgz = NpmTarball.of("x", "1").write(tmp.resolve("m.tgz"));
        assertThatThrownBy(() -> extractor.extract(tgz, Set.of("data.csv"), out())).hasMessageContaining("package/data.csv is missing");
    }

    @Test
    void everyTruncationFailsWithAClearError() throws Exception {
        byte[] whole = Files.readAllBytes(NpmTarball.of("x", "1").file("package/data.csv", new byte[500])
                .write(tmp.resolve("t.tgz")));
        for (int n = 0; n < whole.length - 8; n += 7) {
            Path cut = Files.write(tmp.resolve("cut.tgz"), Arrays.copyOf(whole, n));
            Path dir = Files.createDirectories(tmp.resolve("cut" + n));
            assertThatThrownBy(() -> extractor.extract(cut, Set.of("data.csv"), dir)).as("cut at %d", n)
                    .isInstanceOf(GeodataUpdateException.class).hasMessageContaining("cut.tgz");
        }
    }
}

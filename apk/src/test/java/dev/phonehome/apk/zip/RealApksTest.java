package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The APKs shipped by Debian's androguard package (third-party, installed on the build machines):
 * on every one java.util.zip accepts, entry list and bytes must equal java.util.zip's.
 */
class RealApksTest {
    private static final Path ANDROGUARD_DOCS = Path.of("/usr/share/doc/androguard");

    static Stream<Path> androguardApks() throws IOException {
        if (!Files.isDirectory(ANDROGUARD_DOCS)) {
            return Stream.of(ANDROGUARD_DOCS.resolve("missing.apk"));
        }
        try (Stream<Path> files = Files.walk(ANDROGUARD_DOCS)) {
            return files.filter(p -> p.toString().endsWith(".apk"))
                    .filter(p -> !p.toString().toLowerCase(java.util.Locale.ROOT).contains("malware"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("androguardApks")
    void entriesAndBytesEqualJavaUtilZip(Path apkFile) throws Exception {
        assumeTrue(Files.isRegularFile(apkFile), "Debian package androguard is not installed");
        List<? extends ZipEntry> expected;
        try (ZipFile zip = new ZipFile(apkFile.toFile())) {
            expected = Collections.list(zip.entries());
            try (ApkArchive apk = ApkArchive.open(apkFile)) {
                assertThat(apk.entries()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    ZipEntry want = expected.get(i);
                    ArchiveEntry got = apk.entries().get(i);
                    assertThat(List.of(got.name(), got.uncompressedSize(), got.compressedSize(), got.crc32(),
                            got.method())).as(want.getName()).isEqualTo(List.of(want.getName(), want.getSize(),
                            want.getCompressedSize(), want.getCrc(), want.getMethod()));
                    if (!want.isDirectory()) {
                        assertThat(apk.read(got)).as(want.getName()).isEqualTo(bytes(zip, want));
                    }
                }
            }
        } catch (java.util.zip.ZipException rejectedByJavaUtilZip) {
            assertOpensOrFailsWithACode(apkFile);
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void assertOpensOrFailsWithACode(Path apkFile) throws IOException {
        List<String> outcome = new ArrayList<>();
        try (ApkArchive apk = ApkArchive.open(apkFile)) {
            for (ArchiveEntry e : apk.entries()) {
                try {
                    apk.read(e);
                    outcome.add("read");
                } catch (ZipFormatException ex) {
                    outcome.add(ex.code());
                }
            }
        } catch (ZipFormatException ex) {
            outcome.add(ex.code());
        }
        assertThat(outcome).allMatch(s -> s.equals("read") || s.startsWith("zip."));
    }
}

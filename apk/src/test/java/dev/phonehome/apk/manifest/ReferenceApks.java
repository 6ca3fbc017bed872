package dev.phonehome.apk.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Third-party APKs installed on this machine by Debian packages ({@code androguard} examples,
 * {@code android-framework-res}), and the {@code aapt} tool that reads them as Android does.
 */
final class ReferenceApks {
    static final Path ANDROGUARD_EXAMPLES = Path.of("/usr/share/doc/androguard/examples");
    static final Path FRAMEWORK_RES = Path.of("/usr/share/android-framework-res/framework-res.apk");
    static final Path AAPT = Path.of("/usr/bin/aapt");
    private static final long MAX_ENTRY = 64L << 20;

    private ReferenceApks() {
    }

    /** Every APK of the androguard examples except its malware samples, and framework-res.apk; sorted. */
    static List<Path> all() throws IOException {
        Stream<Path> examples = Files.isDirectory(ANDROGUARD_EXAMPLES)
                ? Files.walk(ANDROGUARD_EXAMPLES) : Stream.empty();
        try (examples) {
            Stream<Path> apks = examples.filter(p -> p.toString().endsWith(".apk"))
                    .filter(p -> !p.toString().contains("/malware/"));
            return Stream.concat(apks, Stream.of(FRAMEWORK_RES).filter(Files::isRegularFile)).sorted().toList();
        }
    }

    static Optional<byte[]> entry(Path apk, String name) {
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null || e.getSize() > MAX_ENTRY) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(e)) {
                return Optional.of(in.readNBytes((int) MAX_ENTRY));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code aapt dump <what> apk} standard output, empty when aapt cannot read the manifest.
     * aapt exits with an error when an APK has no resources.arsc, after printing the package.
     */
    static Optional<String> aapt(String what, Path apk) {
        try {
            Process p = new ProcessBuilder(AAPT.toString(), "dump", what, apk.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
            return p.exitValue() == 0 || text.startsWith("package:") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

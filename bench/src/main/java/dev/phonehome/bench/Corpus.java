package dev.phonehome.bench;

import dev.phonehome.apk.zip.ApkArchive;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.apk.zip.ZipFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real-world inputs of the benchmarks: the APKs and loose DEX files that Debian's androguard
 * package ships as examples (about 330 APKs, 55 MB). Its {@code malware} folders, if a version
 * has any, are skipped. The folder can be changed with {@code -Dphonehome.bench.corpus=DIR}.
 */
public final class Corpus {
    /** Where Debian's androguard package installs its examples. */
    public static final Path ANDROGUARD_EXAMPLES = Path.of("/usr/share/doc/androguard/examples");

    private final Path root;

    private Corpus(Path root) {
        this.root = root;
    }

    /** The configured corpus; fails with a clear message when it is not installed. */
    public static Corpus installed() {
        Path root = Path.of(System.getProperty("phonehome.bench.corpus", ANDROGUARD_EXAMPLES.toString()));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " is missing: apt-get install androguard");
        }
        return new Corpus(root);
    }

    /** Every APK, sorted by path. */
    public List<Path> apks() {
        return files(".apk");
    }

    /** Every {@code classes*.dex} inside the APKs, then every loose {@code .dex} file: the bytes and where they were. */
    public List<Named> dexFiles() {
        List<Named> out = new ArrayList<>();
        for (Path apk : apks()) {
            try (ApkArchive archive = ApkArchive.open(apk)) {
                for (ArchiveEntry e : archive.entries()) {
                    if (e.name().matches("classes\\d*\\.dex")) {
                        out.add(new Named(apk + "!/" + e.name(), archive.read(e)));
                    }
                }
            } catch (IOException | ZipFormatException e) {
                // Some examples are deliberately broken archives; they are not DEX throughput inputs.
            }
        }
        for (Path dex : files(".dex")) {
            out.add(new Named(dex.toString(), read(dex)));
        }
        return out;
    }

    /** The binary {@code AndroidManifest.xml} of every APK that has one. */
    public List<Named> manifests() {
        return entries("AndroidManifest.xml");
    }

    /** The {@code resources.arsc} of every APK that has one. */
    public List<Named> resourceTables() {
        return entries("resources.arsc");
    }

    private List<Named> entries(String name) {
        List<Named> out = new ArrayList<>();
        for (Path apk : apks()) {
            try (ApkArchive archive = ApkArchive.open(apk)) {
                Optional<ArchiveEntry> entry = archive.find(name);
                if (entry.isPresent()) {
                    out.add(new Named(apk.toString(), archive.read(entry.get())));
                }
            } catch (IOException | ZipFormatException e) {
                // As above: broken examples are not inputs of these benchmarks.
            }
        }
        return out;
    }

    private List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !p.toString().toLowerCase(Locale.ROOT).contains("malware"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes read from the corpus, named by their origin. */
    public record Named(String name, byte[] bytes) {
    }
}

package dev.phonehome.bench;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Whole-APK inventory on one thread: {@link ApkScanner#scan} (container, manifest, label, every
 * DEX, signatures) of every APK of the androguard corpus per call, class names listed or not.
 * The {@code files} counter is APKs per second, {@code megabytes} the APK bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApkInventoryBenchmark {
    @Param({"false", "true"})
    public boolean listClasses;

    private List<Path> apks;
    private long totalBytes;
    private ApkScanner scanner;

    @Setup(Level.Trial)
    public void load() {
        apks = Corpus.installed().apks();
        totalBytes = apks.stream().mapToLong(ApkInventoryBenchmark::size).sum();
        scanner = new ApkScanner(new SignatureInspector(), Detectors.all(), KnowledgeBase.load(), listClasses);
    }

    @Benchmark
    public void scan(Throughput work, Blackhole sink) {
        for (Path apk : apks) {
            ApkInput input = new ApkInput(apk.toString(), apk, Optional.empty());
            sink.consume(scanner.scan(input, "", List.of(input.location()), false));
        }
        work.add(totalBytes, apks.size());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

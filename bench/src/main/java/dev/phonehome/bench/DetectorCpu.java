package dev.phonehome.bench;

import dev.phonehome.apk.detect.AppContext;
import dev.phonehome.apk.detect.Detector;
import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.dex.DexFile;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.KnowledgeBase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each static detector costs next to reading the DEX it works on, warmed up, in CPU time of
 * the one scanning thread: {@code java -cp bench/target/benchmarks.jar dev.phonehome.bench.DetectorCpu
 * [ROUNDS] [EXTRA_DIR...]}. Scans the androguard corpus (and the APKs under each EXTRA_DIR, e.g.
 * the sample firmware with real SDK code) once per round with every detector wrapped in a timer,
 * then once per round without detectors (the inventory: manifest, signers, DEX index, classes
 * listed), then indexes the corpus's DEX files alone for comparison.
 */
public final class DetectorCpu {
    private static final int WARMUP_ROUNDS = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DetectorCpu() {
    }

    /** A detector that adds its thread CPU time to a total. */
    private static final class Timed implements Detector {
        final Detector inner;
        long nanos;
        long findings;

        Timed(Detector inner) {
            this.inner = inner;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public List<Finding> detect(AppContext app) {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                List<Finding> found = inner.detect(app);
                findings += found.size();
                return found;
            } finally {
                nanos += THREADS.getCurrentThreadCpuTime() - start;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Path> apks = new ArrayList<>(Corpus.installed().apks());
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
                files.filter(p -> p.toString().endsWith(".apk")).sorted().forEach(apks::add);
            }
        }
        List<Corpus.Named> dex = Corpus.installed().dexFiles();
        Map<String, Timed> timed = new LinkedHashMap<>();
        Detectors.all().list().forEach(d -> timed.put(d.id(), new Timed(d)));
        ApkScanner scanner = new ApkScanner(new SignatureInspector(), new Detectors(List.copyOf(timed.values())),
                KnowledgeBase.load(), true);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            scan(scanner, apks);
        }
        timed.values().forEach(t -> {
            t.nanos = 0;
            t.findings = 0;
        });
        long scanNanos = 0;
        for (int i = 0; i < rounds; i++) {
            scanNanos += scan(scanner, apks);
        }
        ApkScanner inventory = new ApkScanner(new SignatureInspector(), new Detectors(List.of()), KnowledgeBase.load(),
                true);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            scan(inventory, apks);
        }
        long inventoryNanos = 0;
        for (int i = 0; i < rounds; i++) {
            inventoryNanos += scan(inventory, apks);
        }
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            index(dex);
        }
        long indexNanos = 0;
        for (int i = 0; i < rounds; i++) {
            indexNanos += index(dex);
        }
        System.out.printf("%d APKs (%d DEX files of the androguard corpus indexed alone), %d rounds, CPU ms per round%n",
                apks.size(), dex.size(), rounds);
        System.out.printf("%-22s %9.1f%n", "whole scan", scanNanos / 1e6 / rounds);
        System.out.printf("%-22s %9.1f%n", "scan, no detectors", inventoryNanos / 1e6 / rounds);
        System.out.printf("%-22s %9.1f%n", "DEX indexing alone", indexNanos / 1e6 / rounds);
        for (Timed t : timed.values()) {
            System.out.printf("%-22s %9.1f  %5.1f %% of the scan  %6d findings%n", "detector " + t.id(),
                    t.nanos / 1e6 / rounds, 100.0 * t.nanos / scanNanos, t.findings / rounds);
        }
    }

    private static long scan(ApkScanner scanner, List<Path> apks) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (Path apk : apks) {
            ApkInput input = new ApkInput(apk.toString(), apk, Optional.empty());
            scanner.scan(input, "", List.of(input.location()), false);
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static long index(List<Corpus.Named> dex) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (Corpus.Named f : dex) {
            try {
                DexFile.parse(ByteBuffer.wrap(f.bytes()), f.name());
            } catch (DexFormatException e) {
                // The corpus holds deliberately broken DEX files; they cost what they cost.
            }
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}

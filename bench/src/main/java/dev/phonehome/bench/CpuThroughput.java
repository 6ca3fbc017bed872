package dev.phonehome.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.dex.DexFile;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.AxmlFormatException;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JMH workloads measured in CPU time instead of wall time, for a machine shared with other
 * work where wall-clock scores mostly measure the queue: {@code java -cp
 * bench/target/benchmarks.jar dev.phonehome.bench.CpuThroughput [ROUNDS]} (default 5, after
 * two warm-up rounds). Prints, per workload, megabytes and files per CPU-second of this process
 * (all its threads, JIT and GC included, so apksig's worker thread counts too).
 */
public final class CpuThroughput {
    private static final int WARMUP_ROUNDS = 2;
    private static final double MEGABYTE = 1_000_000.0;

    private CpuThroughput() {
    }

    /** One pass over a workload's inputs; returns the bytes processed. */
    private interface Pass {
        long run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Corpus corpus = Corpus.installed();
        List<Corpus.Named> dex = corpus.dexFiles().stream().filter(CpuThroughput::parses).toList();
        List<Corpus.Named> manifests = corpus.manifests();
        List<Path> apks = corpus.apks();
        ApkScanner scanner = new ApkScanner(new SignatureInspector(), Detectors.all(), KnowledgeBase.load(), true);
        measure("DEX indexing (corpus)", dex.size(), rounds, () -> {
            long bytes = 0;
            for (Corpus.Named f : dex) {
                DexFile.parse(ByteBuffer.wrap(f.bytes()), f.name());
                bytes += f.bytes().length;
            }
            return bytes;
        });
        measure("manifest decoding (corpus)", manifests.size(), rounds, () -> {
            long bytes = 0;
            for (Corpus.Named m : manifests) {
                bytes += parsedSize(m.bytes());
            }
            return bytes;
        });
        measure("APK inventory, classes listed (corpus)", apks.size(), rounds, () -> scanAll(scanner, apks));
    }

    private static long scanAll(ApkScanner scanner, List<Path> apks) {
        long bytes = 0;
        for (Path apk : apks) {
            ApkInput input = new ApkInput(apk.toString(), apk, Optional.empty());
            bytes += scanner.scan(input, "", List.of(input.location()), false).size();
        }
        return bytes;
    }

    private static void measure(String name, int files, int rounds, Pass pass) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            pass.run();
        }
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            bytes += pass.run();
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf("%-40s %8.1f MB/cpu-s %9.1f files/cpu-s  (%d files, %.1f MB per round; cpu %.1f s, wall %.1f s)%n",
                name, bytes / MEGABYTE / cpu, (double) files * rounds / cpu, files, bytes / MEGABYTE / rounds, cpu, wall);
    }

    private static boolean parses(Corpus.Named f) {
        try {
            DexFile.parse(ByteBuffer.wrap(f.bytes()), f.name());
            return true;
        } catch (DexFormatException e) {
            return false;
        }
    }

    private static long parsedSize(byte[] manifest) {
        try {
            AndroidManifest.parse(manifest);
            return manifest.length;
        } catch (AxmlFormatException e) {
            return 0;
        }
    }
}

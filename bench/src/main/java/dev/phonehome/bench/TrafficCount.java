package dev.phonehome.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams a capture (TLS secrets embedded) through {@link TrafficAnalyzer#analyze} and counts the
 * exchanges per HTTP version without keeping them, so the heap it needs does not depend on the
 * capture's size: {@code java -cp cli/target/phonehome.jar:CLASSES dev.phonehome.bench.TrafficCount
 * CAPTURE [PASSES]} (compiled by {@code bench/traffic-vs-tshark.sh} against the CLI jar). Prints
 * one line per pass: exchanges, per-version counts, connections, problems, and the pass's wall
 * and process CPU seconds (all threads: JIT and GC included), so that later passes show the
 * warmed-up cost without JVM start-up.
 */
public final class TrafficCount {
    private static final double NANOS = 1e9;

    private TrafficCount() {
    }

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double megabytes = Files.size(capture) / 1e6;
        for (int pass = 1; pass <= passes; pass++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Map<String, Long> byVersion = new TreeMap<>();
            TrafficReport report = new TrafficAnalyzer().analyze(capture, KeyLog.empty(),
                    x -> byVersion.merge(x.httpVersion(), 1L, Long::sum));
            double wallSeconds = (System.nanoTime() - wall) / NANOS;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / NANOS;
            System.out.printf("exchanges %d %s connections %d problems %d; pass %d: %.1f s wall, %.1f CPU s,"
                            + " %.0f MB/CPU-s%n", byVersion.values().stream().mapToLong(Long::longValue).sum(),
                    byVersion, report.connections().size(), report.problems().size(), pass, wallSeconds,
                    cpuSeconds, megabytes / cpuSeconds);
        }
    }
}

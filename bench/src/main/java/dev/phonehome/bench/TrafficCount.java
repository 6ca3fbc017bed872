package dev.phonehome.bench;

import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams a capture through {@link TrafficAnalyzer#analyze} and counts the exchanges per HTTP
 * version without keeping them, so the heap it needs does not depend on the capture's size:
 * {@code java -cp cli/target/phonehome.jar:CLASSES dev.phonehome.bench.TrafficCount CAPTURE [KEYLOG]}
 * (compiled by {@code bench/traffic-vs-tshark.sh} against the CLI jar).
 * Prints one line: total exchanges, per-version counts, connections and problems.
 */
public final class TrafficCount {
    private TrafficCount() {
    }

    public static void main(String[] args) throws Exception {
        KeyLog keyLog = args.length > 1 ? KeyLog.parse(Path.of(args[1])) : KeyLog.empty();
        Map<String, Long> byVersion = new TreeMap<>();
        TrafficReport report = new TrafficAnalyzer().analyze(Path.of(args[0]), keyLog,
                x -> byVersion.merge(x.httpVersion(), 1L, Long::sum));
        long total = byVersion.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("exchanges %d %s connections %d problems %d%n", total, byVersion,
                report.connections().size(), report.problems().size());
    }
}

package dev.phonehome.bench;

import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * {@link PersonalDataMatcherBenchmark}'s workload in CPU time of the measuring thread, for a shared
 * machine where wall-clock scores measure the run queue: {@code java -cp bench/target/benchmarks.jar
 * dev.phonehome.bench.PersonalDataMatcherCpu [SECONDS]} (CPU seconds per case, default 2, after as
 * long a warm-up). Prints per case the microseconds per exchange and nanoseconds per payload byte.
 */
public final class PersonalDataMatcherCpu {
    private static final int[] HONEY = {1, 10, 100};
    private static final int[] KILOBYTES = {4, 32, 256};

    private PersonalDataMatcherCpu() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("honey  KiB  patterns  leaves  us/exchange  ns/byte  hits");
        for (int honey : HONEY) {
            PersonalDataMatcher matcher = PersonalDataMatcherBenchmark.matcher(honey);
            for (int kilobytes : KILOBYTES) {
                byte[] raw = PersonalDataMatcherBenchmark.events(kilobytes * 1024, honey).getBytes(StandardCharsets.UTF_8);
                DecodedPayload payload = PersonalDataMatcherBenchmark.decode(raw);
                int hits = run(matcher, payload, raw, threads, seconds).hits;
                Run measured = run(matcher, payload, raw, threads, seconds);
                double micros = measured.cpuNanos / 1_000.0 / measured.calls;
                System.out.printf("%5d %4d %9d %7d %12.1f %8.1f %5d%n", honey, kilobytes, matcher.patternCount(),
                        payload.values().size(), micros, micros * 1_000 / raw.length, hits);
            }
        }
    }

    private record Run(long calls, long cpuNanos, int hits) {
    }

    private static Run run(PersonalDataMatcher matcher, DecodedPayload payload, byte[] raw, ThreadMXBean threads,
                           double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = threads.getCurrentThreadCpuTime();
        long calls = 0;
        int hits = 0;
        while (threads.getCurrentThreadCpuTime() - start < budget) {
            hits = matcher.find("bench", payload, raw).hits().size();
            calls++;
        }
        return new Run(calls, threads.getCurrentThreadCpuTime() - start, hits);
    }
}

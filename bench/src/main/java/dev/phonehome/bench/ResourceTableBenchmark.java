package dev.phonehome.bench;

import dev.phonehome.apk.resources.ArscFormatException;
import dev.phonehome.apk.resources.ResourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Resource table decoding: {@link ResourceTable#parse} of every {@code resources.arsc} of the
 * androguard corpus per call (22 MB, most of it one LineageOS framework-res table), and a walk
 * over every value as the endpoint and keyword-list detectors make. The {@code files} counter is
 * tables per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResourceTableBenchmark {
    private List<byte[]> tables;
    private long totalBytes;

    @Setup(Level.Trial)
    public void load() {
        tables = new ArrayList<>();
        for (Corpus.Named t : Corpus.installed().resourceTables()) {
            try {
                ResourceTable.parse(t.bytes());
                tables.add(t.bytes());
            } catch (ArscFormatException e) {
                // A refused table would measure the error path, not decoding.
            }
        }
        totalBytes = tables.stream().mapToLong(b -> b.length).sum();
    }

    @Benchmark
    public void parse(Throughput work, Blackhole sink) throws ArscFormatException {
        for (byte[] t : tables) {
            sink.consume(ResourceTable.parse(t));
        }
        work.add(totalBytes, tables.size());
    }

    @Benchmark
    public void parseAndWalk(Throughput work, Blackhole sink) throws ArscFormatException {
        for (byte[] t : tables) {
            ResourceTable table = ResourceTable.parse(t);
            table.forEachValue((name, value) -> sink.consume(value.value().string()));
        }
        work.add(totalBytes, tables.size());
    }
}

package dev.phonehome.bench;

import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.AxmlFormatException;
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
 * Manifest decoding: {@link AndroidManifest#parse} of every binary manifest of the androguard
 * corpus per call. The {@code files} counter is manifests per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManifestBenchmark {
    private List<byte[]> manifests;
    private long totalBytes;

    @Setup(Level.Trial)
    public void load() {
        manifests = new ArrayList<>();
        for (Corpus.Named m : Corpus.installed().manifests()) {
            try {
                AndroidManifest.parse(m.bytes());
                manifests.add(m.bytes());
            } catch (AxmlFormatException e) {
                // A refused manifest would measure the error path, not decoding.
            }
        }
        totalBytes = manifests.stream().mapToLong(b -> b.length).sum();
    }

    @Benchmark
    public void parse(Throughput work, Blackhole sink) throws AxmlFormatException {
        for (byte[] m : manifests) {
            sink.consume(AndroidManifest.parse(m));
        }
        work.add(totalBytes, manifests.size());
    }
}

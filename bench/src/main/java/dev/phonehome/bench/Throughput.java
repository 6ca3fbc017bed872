package dev.phonehome.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Work done per second, reported by JMH next to the score: megabytes of input and files
 * (DEX files, manifests or APKs) processed. A benchmark method adds what each call did.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
    private static final double MEGABYTE = 1_000_000.0;

    public double megabytes;
    public long files;

    @Setup(Level.Iteration)
    public void reset() {
        megabytes = 0;
        files = 0;
    }

    void add(long bytes, int fileCount) {
        megabytes += bytes / MEGABYTE;
        files += fileCount;
    }
}

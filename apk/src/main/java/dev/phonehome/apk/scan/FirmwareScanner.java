package dev.phonehome.apk.scan;

import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.firmware.FirmwareSource;
import dev.phonehome.core.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Scans every APK of a firmware source in parallel. Identical files (same SHA-256) are
 * scanned once and reported with all their locations. One app's failure never stops the
 * others: anything unexpected becomes an {@code apk.internal-error} problem on that app.
 */
public final class FirmwareScanner {
    private final ApkScanner scanner;
    private final int threads;

    public FirmwareScanner(ApkScanner scanner, int threads) {
        this.scanner = scanner;
        this.threads = Math.max(1, threads);
    }

    /** Scans {@code source}; {@code progress} is told each location as its scan ends. */
    public FirmwareScan scan(FirmwareSource source, Consumer<String> progress) {
        List<Problem> problems = new ArrayList<>(source.problems());
        Map<String, List<ApkInput>> byDigest = groupByDigest(source.apks(), problems);
        // The platform key is known from framework-res.apk (package "android"): scan it first so
        // every other app can be told whether it holds the platform signature.
        Map<String, AppReport> early = new TreeMap<>();
        Set<String> platform = new TreeSet<>();
        byDigest.forEach((sha, copies) -> {
            if (copies.stream().anyMatch(c -> c.location().endsWith("framework-res.apk"))) {
                AppReport r = scanOne(sha, copies, progress, Set.of());
                early.put(sha, r);
                if (r.packageName().filter("android"::equals).isPresent()) {
                    r.signing().ifPresent(sr -> sr.signers().forEach(si -> platform.add(si.certificate().sha256())));
                }
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "phonehome-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AppReport>> futures = new ArrayList<>();
            for (Map.Entry<String, List<ApkInput>> e : byDigest.entrySet()) {
                if (!early.containsKey(e.getKey())) {
                    futures.add(pool.submit(() -> scanOne(e.getKey(), e.getValue(), progress, platform)));
                }
            }
            List<AppReport> apps = new ArrayList<>(early.values());
            for (Future<AppReport> f : futures) {
                apps.add(await(f));
            }
            apps.sort(Comparator.comparing(a -> a.locations().get(0)));
            long classes = apps.stream().flatMap(a -> a.dex().stream()).mapToLong(DexSummary::classes).sum();
            int partial = (int) apps.stream().filter(AppReport::partial).count();
            problems.sort(null);
            return new FirmwareScan(FirmwareScan.SCHEMA, source.describe(),
                    new FirmwareScan.Summary(source.apks().size(), apps.size(), partial, classes), apps,
                    SignerCluster.of(apps), problems);
        } finally {
            pool.shutdownNow();
        }
    }

    private AppReport scanOne(String sha256, List<ApkInput> copies, Consumer<String> progress,
            Set<String> platformCertificates) {
        ApkInput first = copies.get(0);
        List<String> locations = copies.stream().map(ApkInput::location).sorted().toList();
        boolean privileged = copies.stream().anyMatch(ApkInput::privilegedFolder);
        AppReport report;
        try {
            report = scanner.scan(first, sha256, locations, privileged, platformCertificates);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must cost one app, not the firmware; the problem makes it visible.
            report = failed(first, sha256, locations, privileged,
                    new Problem("apk.internal-error", first.location(), e.toString()));
        }
        copies.forEach(c -> progress.accept(c.location()));
        return report;
    }

    private static AppReport failed(ApkInput in, String sha256, List<String> locations, boolean privileged,
            Problem problem) {
        return new AppReport(sha256, -1, locations, in.partition(), privileged, "APK", List.of(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(problem));
    }

    private static Map<String, List<ApkInput>> groupByDigest(List<ApkInput> apks, List<Problem> problems) {
        Map<String, List<ApkInput>> groups = new LinkedHashMap<>();
        for (ApkInput apk : apks) {
            try {
                groups.computeIfAbsent(FileDigest.sha256(apk.file()), k -> new ArrayList<>()).add(apk);
            } catch (IOException e) {
                problems.add(new Problem("firmware.unreadable", apk.location(), String.valueOf(e.getMessage())));
            }
        }
        return groups;
    }

    private static AppReport await(Future<AppReport> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan task failed: " + e.getCause(), e.getCause());
        }
    }
}

package dev.phonehome.apk.signing;

import com.android.apksig.ApkVerifier;
import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSource;
import com.android.apksig.util.DataSources;
import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reports who signed an APK and whether its signatures verify, using Android's own verifier,
 * apksig: the same code {@code apksigner verify} runs, so results match what Android accepts.
 * A corrupt or hostile APK yields a report with coded problems, never an exception.
 */
public final class SignatureInspector {
    /** apksig hashes the whole file; bounded so one pathological APK cannot hold up a firmware scan. */
    static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(2);
    /** Without a minSdk from the manifest, check every platform version, down to the first. */
    static final int DEFAULT_MIN_SDK = 1;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "phonehome-apksig");
        thread.setDaemon(true);
        return thread;
    });

    static {
        RsaPssAliases.install();
    }

    private final CertificateDescriber describer;
    private final Duration timeout;

    public SignatureInspector() {
        this(KnownKeys.load());
    }

    public SignatureInspector(KnownKeys knownKeys) {
        this(knownKeys, VERIFY_TIMEOUT);
    }

    SignatureInspector(KnownKeys knownKeys, Duration timeout) {
        this.describer = new CertificateDescriber(knownKeys);
        this.timeout = timeout;
    }

    /**
     * Inspects the signatures of {@code apk}; a v4 signature is checked when {@code <apk>.idsig}
     * lies beside it.
     *
     * @param minSdk the manifest's minSdkVersion when the caller has parsed it; otherwise it is read
     *               from the manifest with apksig, and when that says nothing usable every platform
     *               version from 1 is checked (and a {@code signing.MIN_SDK_UNKNOWN} problem recorded)
     */
    public SigningReport inspect(Path apk, OptionalInt minSdk) {
        String name = apk.getFileName().toString();
        Future<SigningReport> work = WORKERS.submit(() -> verify(apk, minSdk, name));
        try {
            return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return SigningReport.unreadable(List.of(new Problem("signing.TIMEOUT", name,
                    "verification did not finish within " + timeout.toSeconds() + " s")));
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return SigningReport.unreadable(List.of(new Problem("signing.INTERRUPTED", name, "inspection interrupted")));
        } catch (ExecutionException e) {
            return SigningReport.unreadable(List.of(failure(name, e.getCause())));
        }
    }

    private SigningReport verify(Path apk, OptionalInt minSdk, String name)
            throws IOException, ApkFormatException, NoSuchAlgorithmException {
        List<Problem> problems = new ArrayList<>();
        int min;
        SignatureEvidence evidence;
        try (RandomAccessFile file = new RandomAccessFile(apk.toFile(), "r")) {
            DataSource data = DataSources.asDataSource(file);
            evidence = SignatureEvidence.read(data);
            min = minSdk.isPresent() ? minSdk.getAsInt() : manifestMinSdk(data, name, problems);
        }
        ApkVerifier.Builder builder = new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(min);
        Path idsig = apk.resolveSibling(name + ".idsig");
        if (Files.isRegularFile(idsig)) {
            builder.setV4SignatureFile(idsig.toFile());
        }
        return new ReportAssembler(describer, name, problems).assemble(builder.build().verify(), evidence);
    }

    private static int manifestMinSdk(DataSource apk, String name, List<Problem> problems) throws IOException {
        try {
            return ApkUtils.getMinSdkVersionFromBinaryAndroidManifest(ApkUtils.getAndroidManifest(apk));
        } catch (ApkFormatException e) {
            problems.add(new Problem("signing.MIN_SDK_UNKNOWN", name,
                    "no usable minSdkVersion (" + e.getMessage() + "); checked from API level " + DEFAULT_MIN_SDK));
            return DEFAULT_MIN_SDK;
        }
    }

    /**
     * apksig's declared failures, plus the unchecked exceptions it lets through on malformed
     * input, each a coded problem of this APK; only errors propagate.
     */
    private static Problem failure(String name, Throwable cause) {
        if (cause instanceof ApkFormatException) {
            return new Problem("signing.MALFORMED_APK", name, "malformed APK: " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return new Problem("signing.READ_FAILED", name, "cannot read APK: " + cause);
        }
        if (cause instanceof NoSuchAlgorithmException) {
            return new Problem("signing.ALGORITHM_UNAVAILABLE", name, "this Java platform lacks an algorithm: " + cause);
        }
        if (cause instanceof BufferUnderflowException || cause instanceof IllegalArgumentException
                || cause instanceof IndexOutOfBoundsException) {
            return new Problem("signing.MALFORMED_APK", name, "malformed APK (" + cause + ")");
        }
        if (cause instanceof RuntimeException) {
            // apksig also throws plain RuntimeExceptions on inconsistent input, e.g. "APK verified, but
            // has not verified using any of v1, v2 or v3 schemes" for a flipped byte: a problem of this APK.
            return new Problem("signing.UNEXPECTED_EXCEPTION", name, "apksig failed: " + cause);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("unexpected checked exception from apksig", cause);
    }
}

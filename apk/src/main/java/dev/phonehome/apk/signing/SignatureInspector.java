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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>An APK with a v2 (or v3) block is verified in two apksig runs split where Android stops
 * reading v1: the v2+ run over the newer platforms (apksig's minimum checked platform raised
 * to the first that reads the block), and a v1 run over the older ones (its maximum lowered to
 * the last that reads v1). The v1 run, which hashes and inflates every entry, is left out when
 * the v2+ run verifies, unless {@link V1Policy#ALWAYS} asks for it; only the certificates the
 * v1 signature block files name are read then.
 */
public final class SignatureInspector {
    /** Whether to verify a v1 signature that a verifying v2+ signature supersedes. */
    public enum V1Policy {
        /** as Android 7.0 and later: skip it, and report its certificates as not verified */
        AS_ANDROID,
        /** verify it for the platforms that read v1 (for an app whose minSdk is above them, for the newest one) */
        ALWAYS
    }

    /** apksig hashes the whole file; bounded so one pathological APK cannot hold up a firmware scan. */
    static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(2);
    /** Without a minSdk from the manifest, check every platform version, down to the first. */
    static final int DEFAULT_MIN_SDK = 1;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, ApksigConsole.WORKER_THREAD);
        thread.setDaemon(true);
        return thread;
    });

    static {
        RsaPssAliases.install();
    }

    private final CertificateDescriber describer;
    private final V1Policy v1Policy;
    private final Duration timeout;

    public SignatureInspector() {
        this(KnownKeys.load(), V1Policy.AS_ANDROID);
    }

    public SignatureInspector(KnownKeys knownKeys) {
        this(knownKeys, V1Policy.AS_ANDROID);
    }

    public SignatureInspector(KnownKeys knownKeys, V1Policy v1Policy) {
        this(knownKeys, v1Policy, VERIFY_TIMEOUT);
    }

    SignatureInspector(KnownKeys knownKeys, V1Policy v1Policy, Duration timeout) {
        this.describer = new CertificateDescriber(knownKeys);
        this.v1Policy = Objects.requireNonNull(v1Policy, "v1Policy");
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
            if (evidence.oversizedEntry().isPresent()) {
                return SigningReport.unreadable(List.of(new Problem("signing.ENTRY_TOO_LARGE", name,
                        evidence.oversizedEntry().get() + ", more than the " + SignatureEvidence.MAX_WHOLE_ENTRY
                                + " bytes read into memory to verify signatures; not verified")));
            }
            min = minSdk.isPresent() ? minSdk.getAsInt() : manifestMinSdk(data, name, problems);
        }
        ReportAssembler assembler = new ReportAssembler(describer, name, problems);
        OptionalInt lastJarPlatform = evidence.lastJarPlatform();
        if (lastJarPlatform.isEmpty()) {
            return assembler.assemble(verifier(apk, min).build().verify(), evidence);
        }
        int last = lastJarPlatform.getAsInt();
        ApkVerifier.Result v2Plus = verifier(apk, Math.max(min, last + 1)).build().verify();
        boolean oldPlatformsAdmitted = min <= last;
        boolean checkV1 = evidence.jarSignature()
                ? v1Policy == V1Policy.ALWAYS || !v2Plus.isVerified()
                // no v1 for the old platforms the app admits: the v1 run reports that it is missing
                : oldPlatformsAdmitted;
        if (checkV1) {
            ApkVerifier.Result v1 = new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(Math.min(min, last))
                    .setMaxCheckedPlatformVersion(last).build().verify();
            assembler.v1Checked(v1, oldPlatformsAdmitted, evidence);
        } else if (evidence.jarSignature()) {
            List<Problem> unreadable = new ArrayList<>();
            assembler.v1NotVerified(oldPlatformsAdmitted ? JarSignature.Reason.SKIPPED_V2_PLUS_VERIFIED
                    : JarSignature.Reason.NOT_USED_BY_ANDROID, jarCertificates(apk, evidence, unreadable), unreadable);
        }
        return assembler.assemble(v2Plus, evidence);
    }

    private static ApkVerifier.Builder verifier(Path apk, int minSdk) {
        ApkVerifier.Builder builder = new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(minSdk);
        Path idsig = apk.resolveSibling(apk.getFileName() + ".idsig");
        if (Files.isRegularFile(idsig)) {
            builder.setV4SignatureFile(idsig.toFile());
        }
        return builder;
    }

    private static List<X509Certificate> jarCertificates(Path apk, SignatureEvidence evidence, List<Problem> problems)
            throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(apk.toFile(), "r")) {
            return JarSignerCertificates.read(DataSources.asDataSource(file), evidence, problems);
        }
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

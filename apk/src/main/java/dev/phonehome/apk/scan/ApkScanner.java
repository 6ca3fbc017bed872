package dev.phonehome.apk.scan;

import dev.phonehome.apk.detect.AppContext;
import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.AxmlFormatException;
import dev.phonehome.apk.resources.ArscFormatException;
import dev.phonehome.apk.resources.ResourceTable;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.apk.signing.SigningReport;
import dev.phonehome.apk.zip.ApkArchive;
import dev.phonehome.apk.zip.ApkBundle;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.apk.zip.ZipFormatException;
import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Inventories one APK or app bundle: container, manifest, label, DEX files, signers. Every
 * part that fails becomes a coded problem on the app and the other parts are still read;
 * this class never lets a malformed app throw.
 */
public final class ApkScanner {
    private final SignatureInspector signatures;
    private final Detectors detectors;
    private final KnowledgeBase kb;
    private final boolean listClasses;

    public ApkScanner(SignatureInspector signatures, Detectors detectors, KnowledgeBase kb, boolean listClasses) {
        this.signatures = signatures;
        this.detectors = detectors;
        this.kb = kb;
        this.listClasses = listClasses;
    }

    /** Scans {@code input}; {@code sha256} and {@code locations} identify it in the report. */
    public AppReport scan(ApkInput input, String sha256, List<String> locations, boolean privilegedFolder) {
        return scan(input, sha256, locations, privilegedFolder, Set.of());
    }

    /**
     * Scans {@code input} knowing the firmware's platform certificates (SHA-256 of the signers of
     * the {@code android} package), so detectors can tell which apps hold the platform signature.
     */
    public AppReport scan(ApkInput input, String sha256, List<String> locations, boolean privilegedFolder,
            Set<String> platformCertificates) {
        List<Problem> problems = new ArrayList<>();
        Draft draft = new Draft();
        try (ApkArchive archive = ApkArchive.open(input.file())) {
            problems.addAll(archive.problems());
            ApkBundle bundle = ApkBundle.of(archive);
            draft.container = bundle.format().name();
            draft.base = archive;
            // A zip holding no APKs is read as an APK even without a manifest: its DEX still counts.
            if (bundle.format() == ApkBundle.Format.APK || bundle.apkNames().isEmpty()) {
                draft.container = ApkBundle.Format.APK.name();
                readApk(archive, "", draft, problems);
                draft.signing = Optional.of(signatures.inspect(input.file(), minSdk(draft)));
            } else {
                readBundle(archive, bundle, draft, problems);
            }
            String subject = draft.manifest.map(AndroidManifest::packageName).orElse(input.location());
            draft.findings = detectors.run(new AppContext(subject, locations.get(0), input.partition(),
                    privilegedFolder, draft.base, draft.manifest, draft.resources, List.copyOf(draft.dex), draft.signing,
                    platformSigned(draft, platformCertificates), !platformCertificates.isEmpty(), kb),
                    problems);
        } catch (ZipFormatException e) {
            problems.add(new Problem(e.code(), input.location(), e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem("apk.unreadable", input.location(), String.valueOf(e.getMessage())));
        }
        return new AppReport(sha256, size(input.file()), locations, input.partition(), privilegedFolder,
                draft.container, draft.splits, draft.manifest.map(m -> ManifestView.of(m, draft.resources)),
                draft.manifest.flatMap(m -> ManifestView.label(m, draft.resources)),
                DexSummary.sorted(draft.dex.stream().map(DexSummary::of).toList()),
                listClasses ? Optional.of(List.copyOf(draft.classNames)) : Optional.empty(), draft.signing,
                draft.findings, problems);
    }

    /** Reads the base APK's manifest and the DEX files of all APKs of a bundle; signers of the base APK. */
    private void readBundle(ApkArchive container, ApkBundle bundle, Draft draft, List<Problem> problems) {
        draft.splits = bundle.apkNames();
        String base = bundle.apkNames().stream().filter(n -> n.endsWith("base.apk")).findFirst()
                .orElse(bundle.apkNames().isEmpty() ? null : bundle.apkNames().get(0));
        for (String name : bundle.apkNames()) {
            try {
                ApkArchive split = bundle.open(name);
                problems.addAll(split.problems());
                if (name.equals(base)) {
                    draft.base = split;
                    readApk(split, name + "!/", draft, problems);
                    draft.signing = inspectNested(container, name, draft, problems);
                } else {
                    new DexCollector(problems, draft::addDex).collect(split, name + "!/");
                }
            } catch (ZipFormatException e) {
                problems.add(new Problem(e.code(), name, e.getMessage()));
            }
        }
    }

    private void readApk(ApkArchive apk, String prefix, Draft draft, List<Problem> problems) {
        Optional<ArchiveEntry> manifestEntry = apk.find("AndroidManifest.xml");
        if (manifestEntry.isEmpty()) {
            problems.add(new Problem("apk.no-manifest", prefix + "AndroidManifest.xml", "the APK has no manifest"));
        } else {
            try {
                AndroidManifest manifest = AndroidManifest.parse(apk.read(manifestEntry.get()));
                problems.addAll(manifest.problems());
                draft.manifest = Optional.of(manifest);
            } catch (ZipFormatException e) {
                problems.add(new Problem(e.code(), prefix + "AndroidManifest.xml", e.getMessage()));
            } catch (AxmlFormatException e) {
                problems.add(new Problem("axml.malformed", prefix + "AndroidManifest.xml", e.getMessage()));
            }
        }
        apk.find("resources.arsc").ifPresent(e -> readResources(apk, e, prefix, draft, problems));
        new DexCollector(problems, draft::addDex).collect(apk, prefix);
    }

    private static void readResources(ApkArchive apk, ArchiveEntry entry, String prefix, Draft draft,
            List<Problem> problems) {
        try {
            ResourceTable table = ResourceTable.parse(apk.read(entry));
            problems.addAll(table.problems());
            draft.resources = Optional.of(table);
        } catch (ZipFormatException e) {
            problems.add(new Problem(e.code(), prefix + "resources.arsc", e.getMessage()));
        } catch (ArscFormatException e) {
            problems.add(new Problem("arsc.malformed", prefix + "resources.arsc", e.getMessage()));
        }
    }

    /** apksig reads files; a nested base APK is copied to a private temporary file for it. */
    private Optional<SigningReport> inspectNested(ApkArchive container, String name, Draft draft,
            List<Problem> problems) throws ZipFormatException {
        byte[] bytes = container.read(container.find(name).orElseThrow());
        try {
            Path tmp = Files.createTempFile("phonehome-split", ".apk");
            try {
                Files.write(tmp, bytes);
                return Optional.of(signatures.inspect(tmp, minSdk(draft)));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            problems.add(new Problem("apk.temporary-file", name, String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private static boolean platformSigned(Draft draft, Set<String> platformCertificates) {
        return draft.manifest.map(m -> "android".equals(m.packageName())).orElse(false)
                || draft.signing.map(r -> r.signers().stream()
                        .anyMatch(s -> platformCertificates.contains(s.certificate().sha256()))).orElse(false);
    }

    private static OptionalInt minSdk(Draft draft) {
        return draft.manifest.map(m -> OptionalInt.of(m.minSdk())).orElse(OptionalInt.empty());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** What is known so far of the app being scanned. */
    private static final class Draft {
        String container = "APK";
        List<String> splits = List.of();
        Optional<AndroidManifest> manifest = Optional.empty();
        Optional<ResourceTable> resources = Optional.empty();
        Optional<SigningReport> signing = Optional.empty();
        ApkArchive base;
        List<Finding> findings = List.of();
        final List<AppContext.LocatedDex> dex = new ArrayList<>();
        final TreeSet<String> classNames = new TreeSet<>();

        /** Indexes live until the detectors have run; only summaries outlive the scan of the app. */
        void addDex(String location, DexIndex index) {
            dex.add(new AppContext.LocatedDex(location, index));
            index.classes().forEach(c -> classNames.add(c.name()));
        }
    }
}

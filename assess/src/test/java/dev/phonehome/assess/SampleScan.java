package dev.phonehome.assess;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.firmware.FirmwareSource;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.FirmwareScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.assess.rules.RiskRules;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The bundled sample firmware, written and scanned once per test JVM. */
public final class SampleScan {
    private static FirmwareScan scan;

    private SampleScan() {
    }

    public static synchronized FirmwareScan get() {
        if (scan == null) {
            try {
                Path dir = Files.createTempDirectory("phonehome-sample");
                scan = scan(new SampleFirmware().write(dir.resolve("sample-firmware")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scan;
    }

    public static FirmwareScan scan(Path firmware) throws IOException {
        try (FirmwareSource source = FirmwareSource.open(firmware)) {
            return new FirmwareScanner(new ApkScanner(new SignatureInspector(), Detectors.all(), KnowledgeBase.load(),
                    false), 2).scan(source, s -> { });
        }
    }

    /** The assessor with the shipped knowledge and rules. */
    public static Assessor assessor() {
        return new Assessor(KnowledgeBase.load(), RiskRules.load());
    }

    /** The static-only input of the sample. */
    public static AssessmentInput staticInput() {
        return new AssessmentInput(Optional.of(get()), List.of(), List.of(), Optional.empty(), Suppressions.none(),
                List.of());
    }
}

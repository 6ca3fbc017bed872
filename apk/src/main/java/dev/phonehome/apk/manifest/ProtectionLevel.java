package dev.phonehome.apk.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of a {@code <permission android:protectionLevel>} value, e.g. {@code signature|privileged}.
 *
 * <p>Provenance: the flag values of {@code android:attr/protectionLevel} in
 * {@code framework-res.apk} (Debian {@code android-framework-res} 10.0.0+r36, read with
 * {@code aapt dump --values resources}). Bits unknown to that release are written in hex.
 */
public final class ProtectionLevel {
    private static final String[] BASES = {"normal", "dangerous", "signature", "signatureOrSystem", "internal"};
    private static final String[] FLAGS = {
        "privileged", "development", "appop", "pre23", "installer", "verifier", "preinstalled", "setup",
        "instant", "runtime", "oem", "vendorPrivileged", "textClassifier", "wellbeing", "documenter",
        "configurator", "incidentReportApprover", "appPredictor"};
    private static final int BASE_MASK = 0xF;
    private static final int FIRST_FLAG = 0x10;

    private ProtectionLevel() {
    }

    /** The base level followed by its flags, lowest bit first. */
    public static List<String> names(int level) {
        List<String> names = new ArrayList<>();
        int base = level & BASE_MASK;
        names.add(base < BASES.length ? BASES[base] : "0x" + Integer.toHexString(base));
        for (int i = 0; i < 28; i++) {
            int bit = FIRST_FLAG << i;
            if ((level & bit) != 0) {
                names.add(i < FLAGS.length ? FLAGS[i] : "0x" + Integer.toHexString(bit));
            }
        }
        return List.copyOf(names);
    }

    /** The names joined as in a manifest, e.g. {@code signature|privileged}. */
    public static String format(int level) {
        return String.join("|", names(level));
    }
}

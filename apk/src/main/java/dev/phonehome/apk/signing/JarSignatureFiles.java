package dev.phonehome.apk.signing;

import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.internal.apk.v1.V1SchemeVerifier;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import java.io.IOException;
import java.util.Locale;

/**
 * Whether an APK carries a v1 (JAR) signature at all. apksig skips v1 when every checked
 * platform uses v2+ (minSdk 24 and up), as Android does; the scheme is still present in the
 * file, and a report must say so.
 */
final class JarSignatureFiles {
    private static final String META_INF = "META-INF/";

    private JarSignatureFiles() {
    }

    /** True when the central directory lists a signature file {@code META-INF/<name>.SF}. */
    static boolean present(DataSource apk) throws IOException, ApkFormatException {
        ApkUtils.ZipSections sections;
        try {
            sections = ApkUtils.findZipSections(apk);
        } catch (ZipFormatException e) {
            throw new ApkFormatException("malformed ZIP: " + e.getMessage(), e);
        }
        for (CentralDirectoryRecord entry : V1SchemeVerifier.parseZipCentralDirectory(apk, sections)) {
            String name = entry.getName();
            if (name.startsWith(META_INF) && name.indexOf('/', META_INF.length()) < 0
                    && name.toUpperCase(Locale.ROOT).endsWith(".SF")) {
                return true;
            }
        }
        return false;
    }
}

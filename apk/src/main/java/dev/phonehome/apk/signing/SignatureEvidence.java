package dev.phonehome.apk.signing;

import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkSigningBlockNotFoundException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.internal.apk.v1.V1SchemeVerifier;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What signature structures an APK holds, independent of whether apksig checks them. apksig
 * skips v1 when every checked platform uses v2+ (as Android does), and treats an APK Signing
 * Block it cannot delimit as absent; a report must still say the file carries a JAR signature,
 * or a signing block that is corrupt.
 *
 * @param jarSignature          the central directory lists {@code META-INF/<name>.SF}
 * @param signingBlockMalformed why the APK Signing Block whose magic precedes the central
 *                              directory could not be read, when it could not
 */
record SignatureEvidence(boolean jarSignature, Optional<String> signingBlockMalformed) {
    private static final String META_INF = "META-INF/";
    private static final byte[] BLOCK_MAGIC = "APK Sig Block 42".getBytes(StandardCharsets.US_ASCII);

    static SignatureEvidence read(DataSource apk) throws IOException, ApkFormatException {
        ApkUtils.ZipSections sections;
        try {
            sections = ApkUtils.findZipSections(apk);
        } catch (ZipFormatException e) {
            throw new ApkFormatException("malformed ZIP: " + e.getMessage(), e);
        }
        return new SignatureEvidence(hasJarSignature(apk, sections), signingBlockProblem(apk, sections));
    }

    private static boolean hasJarSignature(DataSource apk, ApkUtils.ZipSections sections)
            throws IOException, ApkFormatException {
        for (CentralDirectoryRecord entry : V1SchemeVerifier.parseZipCentralDirectory(apk, sections)) {
            String name = entry.getName();
            if (name.startsWith(META_INF) && name.indexOf('/', META_INF.length()) < 0
                    && name.toUpperCase(Locale.ROOT).endsWith(".SF")) {
                return true;
            }
        }
        return false;
    }

    /** A block announced by its magic right before the central directory, that apksig cannot delimit. */
    private static Optional<String> signingBlockProblem(DataSource apk, ApkUtils.ZipSections sections)
            throws IOException {
        long magicAt = sections.getZipCentralDirectoryOffset() - BLOCK_MAGIC.length;
        if (magicAt < 0) {
            return Optional.empty();
        }
        ByteBuffer magic = apk.getByteBuffer(magicAt, BLOCK_MAGIC.length);
        if (!magic.equals(ByteBuffer.wrap(BLOCK_MAGIC))) {
            return Optional.empty();
        }
        try {
            ApkUtils.findApkSigningBlock(apk, sections);
            return Optional.empty();
        } catch (ApkSigningBlockNotFoundException e) {
            return Optional.of(e.getMessage());
        }
    }
}

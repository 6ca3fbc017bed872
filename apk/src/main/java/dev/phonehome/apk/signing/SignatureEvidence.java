package dev.phonehome.apk.signing;

import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkSigningBlockNotFoundException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.internal.apk.ApkSigningBlockUtils;
import com.android.apksig.internal.apk.v1.V1SchemeVerifier;
import com.android.apksig.internal.apk.v2.V2SchemeConstants;
import com.android.apksig.internal.apk.v3.V3SchemeConstants;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What signature structures an APK holds, independent of whether apksig checks them. apksig
 * skips v1 when every checked platform uses v2+ (as Android does), and treats an APK Signing
 * Block it cannot delimit as absent; a report must still say the file carries a JAR signature,
 * or a signing block that is corrupt.
 *
 * @param jarSignature          the central directory lists {@code META-INF/<name>.SF}
 * @param jarSignatureBlocks    the central directory records of {@code META-INF/<name>.RSA|DSA|EC},
 *                              the PKCS#7 blocks that name the v1 signers
 * @param centralDirectoryOffset where the central directory starts, to read those entries
 * @param blockSchemes          the v2+ schemes whose blocks the APK Signing Block holds, sorted:
 *                              {@code v2}, {@code v3}, {@code v3.1}
 * @param signingBlockMalformed why the APK Signing Block whose magic precedes the central
 *                              directory could not be read, when it could not
 * @param oversizedEntry        an entry apksig would read whole into memory ({@code META-INF/*},
 *                              the manifest) that declares more than {@link #MAX_WHOLE_ENTRY}
 *                              bytes, with its declared size; apksig allocates what the central
 *                              directory claims
 */
record SignatureEvidence(boolean jarSignature, List<CentralDirectoryRecord> jarSignatureBlocks,
        long centralDirectoryOffset, Set<String> blockSchemes, Optional<String> signingBlockMalformed,
        Optional<String> oversizedEntry) {
    /** Far above a real JAR manifest (about 100 bytes per entry; 32 MiB is 300,000 entries). */
    static final long MAX_WHOLE_ENTRY = 32L << 20;
    private static final String META_INF = "META-INF/";
    private static final byte[] BLOCK_MAGIC = "APK Sig Block 42".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, int[]> V2_PLUS_BLOCKS = Map.of(
            "v2", new int[] {V2SchemeConstants.APK_SIGNATURE_SCHEME_V2_BLOCK_ID, ApkSigningBlockUtils.VERSION_APK_SIGNATURE_SCHEME_V2},
            "v3", new int[] {V3SchemeConstants.APK_SIGNATURE_SCHEME_V3_BLOCK_ID, ApkSigningBlockUtils.VERSION_APK_SIGNATURE_SCHEME_V3},
            "v3.1", new int[] {V3SchemeConstants.APK_SIGNATURE_SCHEME_V31_BLOCK_ID, ApkSigningBlockUtils.VERSION_APK_SIGNATURE_SCHEME_V31});
    /** Android 7.0 (API 24) verifies v2 instead of v1; Android 9 (API 28) also v3. */
    private static final int LAST_JAR_PLATFORM_WITH_V2 = 23;
    private static final int LAST_JAR_PLATFORM_WITH_V3 = 27;

    SignatureEvidence {
        jarSignatureBlocks = List.copyOf(jarSignatureBlocks);
        blockSchemes = SortedSets.copyOf(blockSchemes);
    }

    /**
     * The newest platform that verifies v1 rather than this APK's v2+ blocks (those that fail
     * to verify aside); empty when every platform reads v1, as without a v2 or v3 block.
     */
    OptionalInt lastJarPlatform() {
        if (blockSchemes.contains("v2")) {
            return OptionalInt.of(LAST_JAR_PLATFORM_WITH_V2);
        }
        return blockSchemes.contains("v3") ? OptionalInt.of(LAST_JAR_PLATFORM_WITH_V3) : OptionalInt.empty();
    }

    static SignatureEvidence read(DataSource apk) throws IOException, ApkFormatException {
        ApkUtils.ZipSections sections;
        try {
            sections = ApkUtils.findZipSections(apk);
        } catch (ZipFormatException e) {
            throw new ApkFormatException("malformed ZIP: " + e.getMessage(), e);
        }
        boolean sf = false;
        List<CentralDirectoryRecord> blocks = new ArrayList<>();
        Optional<String> oversized = Optional.empty();
        for (CentralDirectoryRecord entry : V1SchemeVerifier.parseZipCentralDirectory(apk, sections)) {
            String name = entry.getName();
            boolean readWhole = name.startsWith(META_INF) || name.equals("AndroidManifest.xml");
            if (readWhole && oversized.isEmpty() && entry.getUncompressedSize() > MAX_WHOLE_ENTRY) {
                oversized = Optional.of(name + " declares " + entry.getUncompressedSize() + " bytes");
            }
            if (name.startsWith(META_INF) && name.indexOf('/', META_INF.length()) < 0) {
                String upper = name.toUpperCase(Locale.ROOT);
                sf |= upper.endsWith(".SF");
                if (upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")) {
                    blocks.add(entry);
                }
            }
        }
        Optional<String> malformed = signingBlockProblem(apk, sections);
        return new SignatureEvidence(sf, blocks, sections.getZipCentralDirectoryOffset(),
                malformed.isEmpty() ? blockSchemes(apk, sections) : Set.of(), malformed, oversized);
    }

    private static Set<String> blockSchemes(DataSource apk, ApkUtils.ZipSections sections) throws IOException {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, int[]> block : V2_PLUS_BLOCKS.entrySet()) {
            try {
                ApkSigningBlockUtils.findSignature(apk, sections, block.getValue()[0],
                        new ApkSigningBlockUtils.Result(block.getValue()[1]));
                found.add(block.getKey());
            } catch (ApkSigningBlockUtils.SignatureNotFoundException absent) {
                // no block of this scheme
            }
        }
        return found;
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

package dev.phonehome.apk.signing;

import com.android.apksig.internal.asn1.Asn1BerParser;
import com.android.apksig.internal.asn1.Asn1DecodingException;
import com.android.apksig.internal.asn1.Asn1OpaqueObject;
import com.android.apksig.internal.pkcs7.ContentInfo;
import com.android.apksig.internal.pkcs7.IssuerAndSerialNumber;
import com.android.apksig.internal.pkcs7.Pkcs7Constants;
import com.android.apksig.internal.pkcs7.SignedData;
import com.android.apksig.internal.pkcs7.SignerInfo;
import com.android.apksig.internal.util.X509CertificateUtils;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.internal.zip.LocalFileRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import dev.phonehome.core.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates the v1 signature block files ({@code META-INF/*.RSA|DSA|EC}) name as their
 * signers, read without checking any signature or digest: what a report can say of a JAR
 * signature that Android does not verify, at the cost of parsing a few kilobytes.
 */
final class JarSignerCertificates {
    /** Real signature blocks hold a certificate chain of a few kilobytes. */
    static final long MAX_BLOCK_BYTES = 1 << 20;

    private JarSignerCertificates() {
    }

    /**
     * @param problems receives a {@code signing.V1_BLOCK_UNREADABLE} problem for each block file that
     *                 cannot be read or parsed; the other blocks are still read
     */
    static List<X509Certificate> read(DataSource apk, SignatureEvidence evidence, List<Problem> problems)
            throws IOException {
        List<X509Certificate> signers = new ArrayList<>();
        for (CentralDirectoryRecord block : evidence.jarSignatureBlocks()) {
            String name = block.getName();
            if (block.getUncompressedSize() > MAX_BLOCK_BYTES || block.getCompressedSize() > MAX_BLOCK_BYTES) {
                problems.add(unreadable(name, "larger than " + MAX_BLOCK_BYTES + " bytes"));
                continue;
            }
            try {
                byte[] bytes = LocalFileRecord.getUncompressedData(apk, block, evidence.centralDirectoryOffset());
                signers.addAll(signerCertificates(ByteBuffer.wrap(bytes)));
            } catch (ZipFormatException | Asn1DecodingException | CertificateException e) {
                problems.add(unreadable(name, e.getMessage()));
            } catch (RuntimeException e) {
                // apksig's ASN.1 and ZIP readers throw unchecked exceptions on some malformed input
                problems.add(unreadable(name, e.toString()));
            }
        }
        return signers;
    }

    private static List<X509Certificate> signerCertificates(ByteBuffer pkcs7)
            throws Asn1DecodingException, CertificateException {
        ContentInfo info = Asn1BerParser.parse(pkcs7, ContentInfo.class);
        if (!Pkcs7Constants.OID_SIGNED_DATA.equals(info.contentType)) {
            throw new Asn1DecodingException("not PKCS #7 SignedData but " + info.contentType);
        }
        SignedData data = Asn1BerParser.parse(info.content.getEncoded(), SignedData.class);
        List<X509Certificate> all = new ArrayList<>();
        for (Asn1OpaqueObject cert : data.certificates == null ? List.<Asn1OpaqueObject>of() : data.certificates) {
            all.add(X509CertificateUtils.generateCertificate(bytes(cert.getEncoded())));
        }
        List<X509Certificate> signers = new ArrayList<>();
        for (SignerInfo signer : data.signerInfos) {
            IssuerAndSerialNumber id = signer.sid.issuerAndSerialNumber;
            if (id == null) {
                throw new Asn1DecodingException("signer identified by subject key identifier, which v1 does not use");
            }
            X500Principal issuer = new X500Principal(bytes(id.issuer.getEncoded()));
            signers.add(all.stream().filter(c -> c.getSerialNumber().equals(id.certificateSerialNumber)
                            && c.getIssuerX500Principal().equals(issuer)).findFirst()
                    .orElseThrow(() -> new Asn1DecodingException("no certificate for signer " + issuer.getName()
                            + " serial " + id.certificateSerialNumber.toString(16))));
        }
        return signers;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static Problem unreadable(String file, String why) {
        return new Problem("signing.V1_BLOCK_UNREADABLE", file, "cannot read the v1 signer certificate: " + why);
    }
}

package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/** Reads the certificates of a Certificate message, TLS 1.2 (RFC 5246 7.4.2) or 1.3 (RFC 8446 4.4.2) layout. */
final class CertificateChain {
    /** Real chains have 2-5 entries; parsing beyond this is wasted work on hostile input. */
    static final int MAX_CERTIFICATES = 16;

    private CertificateChain() {
    }

    static List<CertificateInfo> parse(byte[] body, boolean tls13) throws TlsFormatException {
        try {
            ByteCursor c = ByteCursor.bigEndian(body, "TLS Certificate");
            if (tls13) {
                c.skip(c.u8()); // certificate_request_context
            }
            ByteCursor list = c.slice(u24(c), "TLS certificate_list");
            List<CertificateInfo> out = new ArrayList<>();
            while (list.remaining() > 0 && out.size() < MAX_CERTIFICATES) {
                out.add(CertificateInfo.of(list.bytes(u24(list))));
                if (tls13) {
                    list.skip(list.u16()); // per-certificate extensions
                }
            }
            return List.copyOf(out);
        } catch (FormatException e) {
            throw TlsFormatException.of(e);
        }
    }

    private static int u24(ByteCursor c) throws FormatException {
        return (c.u8() << 16) | c.u16();
    }
}

package dev.phonehome.traffic.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written suite table checked against OpenSSL's own id/name/cipher/MAC listing. */
class CipherSuitesTest {
    private static final Pattern LINE = Pattern.compile(
            "0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\\S+)\\s+- \\S+\\s+\\S+\\s+Kx=\\S+\\s+Au=\\S+\\s+Enc=(\\S+)\\s+Mac=(\\S+)");

    @Test
    void everyRowAgreesWithOpenSsl() throws Exception {
        assumeTrue(OpenSslServer.available("openssl"), "openssl needed");
        Map<Integer, String[]> openssl = openSslSuites();

        for (int id = 0; id <= 0xFFFF; id++) {
            int code = id;
            CipherSuites.byId(id).ifPresent(suite -> {
                String[] row = openssl.get(code);
                assertThat(row).as("0x%04X known to openssl", code).isNotNull();
                assertThat(suite.name()).isEqualTo(row[0]);
                assertThat(row[1]).startsWith(switch (suite.cipher()) {
                    case AES_128_GCM -> "AESGCM(128)";
                    case AES_256_GCM -> "AESGCM(256)";
                    case CHACHA20_POLY1305 -> "CHACHA20/POLY1305(256)";
                    case AES_128_CBC -> "AES(128)";
                    case AES_256_CBC -> "AES(256)";
                });
                assertThat(row[2]).isEqualTo(switch (suite.mac()) {
                    case "HmacSHA1" -> "SHA1";
                    case "HmacSHA256" -> "SHA256";
                    case "HmacSHA384" -> "SHA384";
                    default -> "AEAD";
                });
            });
        }
    }

    @Test
    void unknownSuitesAreNamedByCodePoint() {
        assertThat(CipherSuites.byId(0x1305)).isEmpty();
        assertThat(CipherSuites.name(0x1305)).isEqualTo("0x1305");
        assertThat(CipherSuites.name(0xC02F)).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    private static Map<Integer, String[]> openSslSuites() throws Exception {
        Process p = new ProcessBuilder("openssl", "ciphers", "-V", "-stdname", "ALL:@SECLEVEL=0").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<Integer, String[]> suites = new HashMap<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            int id = Integer.parseInt(m.group(1) + m.group(2), 16);
            suites.put(id, new String[] {m.group(3), m.group(4), m.group(5)});
        }
        assertThat(suites).hasSizeGreaterThan(30);
        return suites;
    }
}

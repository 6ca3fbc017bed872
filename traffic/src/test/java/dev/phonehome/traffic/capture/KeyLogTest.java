package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyLogTest {
    static final String RANDOM = "aa".repeat(32);
    static final String OTHER_RANDOM = "bb".repeat(32);

    @Test
    void readsEveryNssLabelAndLooksUpByClientRandom() throws IOException {
        String text = "# SSL/TLS secrets log file\n"
                + "CLIENT_RANDOM " + RANDOM + " " + "01".repeat(48) + "\n"
                + "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + OTHER_RANDOM + " " + "02".repeat(32) + "\r\n"
                + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + OTHER_RANDOM + " " + "03".repeat(32) + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + OTHER_RANDOM + " " + "04".repeat(32) + "\n"
                + "SERVER_TRAFFIC_SECRET_0 " + OTHER_RANDOM + " " + "05".repeat(32) + "\n"
                + "EXPORTER_SECRET " + OTHER_RANDOM + " " + "06".repeat(32) + "\n"
                + "EARLY_TRAFFIC_SECRET " + OTHER_RANDOM.toUpperCase() + " " + "07".repeat(32) + "\n";
        KeyLog log = KeyLog.parse(new StringReader(text));

        assertThat(log.size()).isEqualTo(7);
        assertThat(log.problems()).isEmpty();
        assertThat(log.secret("CLIENT_RANDOM", hex(RANDOM))).hasValueSatisfying(s -> assertThat(s).isEqualTo(hex("01".repeat(48))));
        assertThat(log.secrets(hex(OTHER_RANDOM))).containsOnlyKeys("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
                "EXPORTER_SECRET", "EARLY_TRAFFIC_SECRET");
        assertThat(log.secret("CLIENT_RANDOM", hex(OTHER_RANDOM))).isEmpty();
    }

    @Test
    void badLinesBecomeCodedProblemsAndGoodLinesSurvive() throws IOException {
        String text = "CLIENT_RANDOM " + RANDOM + "\n"                       // two fields
                + "CLIENT_RANDOM zz" + RANDOM.substring(2) + " 0101\n"          // not hex
                + "CLIENT_RANDOM abcd 0101\n"                                   // random too short
                + "BOGUS_LABEL " + RANDOM + " 0101\n"
                + "CLIENT_RANDOM " + RANDOM + " " + "x".repeat(5000) + "\n"     // too long
                + "CLIENT_RANDOM " + RANDOM + " 0101\n"
                + "CLIENT_RANDOM " + RANDOM + " 0202\n";                        // conflict
        KeyLog log = KeyLog.parse(new StringReader(text));

        assertThat(log.size()).isEqualTo(1);
        assertThat(log.secret("CLIENT_RANDOM", hex(RANDOM))).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 1));
        assertThat(log.problems()).extracting(Problem::code).containsExactly("keylog.bad-line", "keylog.bad-line",
                "keylog.bad-line", "keylog.unknown-label", "keylog.line-too-long", "keylog.conflict");
    }

    @Test
    void mergeKeepsThisLogsSecretOnConflict() throws IOException {
        KeyLog a = KeyLog.parse(new StringReader("CLIENT_RANDOM " + RANDOM + " 0101\n"));
        KeyLog b = KeyLog.parse(new StringReader("CLIENT_RANDOM " + RANDOM + " 0202\nCLIENT_RANDOM " + OTHER_RANDOM + " 03\n"));
        KeyLog merged = a.merge(b);

        assertThat(merged.size()).isEqualTo(2);
        assertThat(merged.secret("CLIENT_RANDOM", hex(RANDOM))).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 1));
        assertThat(merged.secret("CLIENT_RANDOM", hex(OTHER_RANDOM))).isPresent();
        assertThat(KeyLog.empty().merge(a).size()).isEqualTo(1);
    }

    @Test
    void returnedSecretsCannotAlterTheLog() throws IOException {
        KeyLog log = KeyLog.parse(new StringReader("CLIENT_RANDOM " + RANDOM + " 0101\n"));
        log.secret("CLIENT_RANDOM", hex(RANDOM)).orElseThrow()[0] = 9;
        assertThat(log.secret("CLIENT_RANDOM", hex(RANDOM)).orElseThrow()[0]).isEqualTo((byte) 1);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}

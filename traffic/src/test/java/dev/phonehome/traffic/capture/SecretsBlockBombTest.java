package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phonehome.testkit.capture.CaptureWriter;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * PCAPdroid writes a Decryption Secrets Block before each new TLS connection, and the analysis
 * looks secrets up at each handshake, so lookups interleave with blocks. Each lookup must cost
 * the same whatever came before: a snapshot of all secrets per lookup is quadratic.
 */
class SecretsBlockBombTest {
    private static final int CONNECTIONS = 30_000;

    @Test
    void lookupsBetweenManySecretsBlocksStayLinear() throws Exception {
        CaptureWriter w = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW);
        for (int i = 0; i < CONNECTIONS; i++) {
            String random = random(i);
            w.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET " + random + " " + "11".repeat(32) + "\n"
                    + "SERVER_HANDSHAKE_TRAFFIC_SECRET " + random + " " + "22".repeat(32) + "\n"
                    + "CLIENT_TRAFFIC_SECRET_0 " + random + " " + "33".repeat(32) + "\n"
                    + "SERVER_TRAFFIC_SECRET_0 " + random + " " + "44".repeat(32) + "\n")
                    .epb(0, i, PcapngReaderTest.FRAME);
        }
        byte[] file = w.bytes();

        int found = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int hits = 0;
            try (CaptureReader r = CaptureFile.open(new ByteArrayInputStream(file), "many-dsb.pcapng")) {
                for (int i = 0; r.next().isPresent(); i++) {
                    byte[] random = HexFormat.of().parseHex(random(i));
                    if (r.embeddedSecret("SERVER_TRAFFIC_SECRET_0", random).isPresent()
                            && r.embeddedSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", random).isPresent()) {
                        hits++;
                    }
                }
                assertThat(r.embeddedKeyLog().size()).isEqualTo(4 * CONNECTIONS);
                assertThat(r.problems()).isEmpty();
            }
            return hits;
        });
        assertThat(found).isEqualTo(CONNECTIONS);
    }

    @Test
    void aSecretIsNotKnownBeforeItsBlock() throws Exception {
        String random = random(7);
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .epb(0, 0, PcapngReaderTest.FRAME)
                .keyLog("CLIENT_RANDOM " + random + " " + "55".repeat(48) + "\n")
                .epb(0, 1, PcapngReaderTest.FRAME).bytes();
        byte[] r = HexFormat.of().parseHex(random);
        try (CaptureReader reader = CaptureFile.open(new ByteArrayInputStream(file), "late.pcapng")) {
            reader.next();
            assertThat(reader.embeddedSecret(KeyLog.CLIENT_RANDOM, r)).isEmpty();
            reader.next();
            assertThat(reader.embeddedSecret(KeyLog.CLIENT_RANDOM, r)).hasValue(HexFormat.of().parseHex("55".repeat(48)));
        }
    }

    private static String random(int i) {
        return String.format("%064x", i);
    }
}

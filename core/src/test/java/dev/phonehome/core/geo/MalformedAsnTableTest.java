package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A damaged ASN table is refused when opened, never read past its end or answered from garbage. */
class MalformedAsnTableTest {
    private static final byte[] GOOD = good();

    private static byte[] good() {
        try {
            return AsnTableTest.table(AsnTableTest.V4, AsnTableTest.V6);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTruncationIsRefusedOrStillConsistent() {
        for (int n = 0; n < GOOD.length; n++) {
            byte[] cut = Arrays.copyOf(GOOD, n);
            assertThatThrownBy(() -> AsnTable.of(cut)).as("cut at %d", n).isInstanceOf(AsnTableFormatException.class);
        }
    }

    @Test
    void hugeCountsAreRefusedWithTheNumbers() {
        byte[] bad = GOOD.clone();
        ByteBuffer.wrap(bad).putInt(AsnTable.MAGIC.length, 60_000_000);
        assertThatThrownBy(() -> AsnTable.of(bad)).isInstanceOf(AsnTableFormatException.class)
                .hasMessageContaining("ASN table at offset").hasMessageContaining("count 60000000 is too large");
        ByteBuffer.wrap(bad).putInt(AsnTable.MAGIC.length, 1_000_000);
        assertThatThrownBy(() -> AsnTable.of(bad)).hasMessageContaining("need").hasMessageContaining("file has " + GOOD.length);
    }

    @Test
    void badMagicIsRefused() {
        byte[] bad = GOOD.clone();
        bad[0] = 'X';
        assertThatThrownBy(() -> AsnTable.of(bad)).hasMessageContaining("bad magic");
    }

    @Test
    void randomByteFlipsAreRefusedOrAnswerWithoutThrowing() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] mutated = GOOD.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            AsnTable table;
            try {
                table = AsnTable.of(mutated);
            } catch (AsnTableFormatException e) {
                continue;
            }
            for (String ip : new String[] {"8.8.8.8", "8.219.1.1", "1.0.0.1", "2a00:1450::1", "::"}) {
                table.lookup(IpLiteral.parse(ip).orElseThrow()).ifPresent(a -> assertThat(a.organisation()).isNotNull());
            }
        }
    }
}

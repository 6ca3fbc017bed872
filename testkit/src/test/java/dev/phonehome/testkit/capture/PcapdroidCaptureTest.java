package dev.phonehome.testkit.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapdroidCaptureTest {
    private static final Endpoint PHONE = new Endpoint("192.0.2.10", 40000);
    private static final Endpoint SERVER = new Endpoint("198.51.100.7", 443);
    private static final HttpExchangeSpec GET = new HttpExchangeSpec("GET", "/x", List.of(), new byte[0], 200,
            List.of(new HttpHeader("Content-Type", "text/plain")), "hello".getBytes(StandardCharsets.US_ASCII));

    record Block(int type, ByteBuffer body) {
    }

    @Test
    void blocksComeInPcapdroidOrder() {
        byte[] file = new PcapdroidCapture(Instant.parse("2026-01-01T00:00:00Z"))
                .app(10001, "org.example.one", "One").app(10002, "org.example.two", "Two")
                .dns(10001, new Endpoint("192.0.2.10", 5353), new Endpoint("192.0.2.1", 53), "one.example", "198.51.100.7")
                .https(10001, PHONE, SERVER, "one.example", TlsVersion.TLS_1_3, "http/1.1", 20_000, List.of(GET))
                .https(10002, new Endpoint("192.0.2.10", 40001), SERVER, "two.example", TlsVersion.TLS_1_2, "h2",
                        20_000, List.of(GET))
                .pcapng();
        List<Block> blocks = blocks(file);
        assertThat(blocks.subList(0, 3)).extracting(Block::type).containsExactly(0x0A0D0D0A, 1, 0x0A);
        assertThat(blocks.get(1).body().getShort(0)).as("LINKTYPE_RAW").isEqualTo((short) 101);
        assertThat(blocks.get(2).body().getInt(0)).as("TLSK").isEqualTo(0x544c534b);
        assertThat(blocks.get(3).type()).isEqualTo(0xBAD);
        assertThat(blocks.get(3).body().getInt(0)).as("PCAPdroid PEN").isEqualTo(62652);
        List<Integer> mapped = new ArrayList<>();
        for (Block b : blocks.subList(3, blocks.size())) {
            if (b.type() == 0xBAD) {
                mapped.add(b.body().getInt(8));
            } else {
                assertThat(b.type()).isEqualTo(6);
                String comment = comment(b.body());
                assertThat(mapped).as("UID block before packet with " + comment)
                        .contains(Integer.parseInt(comment.substring(2)));
                assertThat(ipHeaderSum(b.body())).isEqualTo(0xFFFF);
            }
        }
        assertThat(mapped).containsExactly(10001, 10002);
    }

    @Test
    void packetsOfAnUnnamedAppAreRefused() {
        PcapdroidCapture capture = new PcapdroidCapture(Instant.EPOCH);
        assertThatThrownBy(() -> capture.dns(7, PHONE, SERVER, "a.example", "198.51.100.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UID 7");
    }

    @Test
    void endpointsTakeAddressLiteralsOnlySoNothingIsLookedUp() {
        assertThatThrownBy(() -> new Endpoint("example.org", 443)).hasMessageContaining("example.org");
        assertThatThrownBy(() -> new Endpoint("192.0.2.1", 70000)).hasMessageContaining("70000");
    }

    private static List<Block> blocks(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Block> blocks = new ArrayList<>();
        while (b.hasRemaining()) {
            int type = b.getInt(b.position());
            int length = b.getInt(b.position() + 4);
            assertThat(b.getInt(b.position() + length - 4)).as("trailing length").isEqualTo(length);
            blocks.add(new Block(type, b.slice(b.position() + 8, length - 12).order(ByteOrder.LITTLE_ENDIAN)));
            b.position(b.position() + length);
        }
        return blocks;
    }

    private static String comment(ByteBuffer epb) {
        int captured = epb.getInt(12);
        int at = 20 + (captured + 3 & ~3);
        assertThat(epb.getShort(at)).as("opt_comment").isEqualTo((short) 1);
        byte[] text = new byte[epb.getShort(at + 2)];
        epb.get(at + 4, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The ones-complement sum over a valid IPv4 header, checksum included, is all ones. */
    private static int ipHeaderSum(ByteBuffer epb) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += epb.order(ByteOrder.BIG_ENDIAN).getShort(20 + i) & 0xFFFF;
        }
        epb.order(ByteOrder.LITTLE_ENDIAN);
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return sum;
    }
}

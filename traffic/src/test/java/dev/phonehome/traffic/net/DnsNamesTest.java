package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DnsNamesTest {
    final RecordingListener rec = new RecordingListener();
    final PacketDecoder decoder = new PacketDecoder(rec, rec);

    /** A response to {@code sa.api.intl.miui.com}: a CNAME (compressed) then an A and an AAAA for the target. */
    static byte[] response() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 3, 0, 0, 0, 0});
        int question = o.size(); // 12
        o.writeBytes(new byte[] {2, 's', 'a', 3, 'a', 'p', 'i', 4, 'i', 'n', 't', 'l', 4, 'm', 'i', 'u', 'i', 3, 'c', 'o', 'm', 0});
        o.writeBytes(new byte[] {0, 1, 0, 1});
        // CNAME: owner = pointer to question; target = "edge" + pointer to "miui.com" (offset 12+3+4+5=24)
        o.writeBytes(new byte[] {(byte) 0xC0, (byte) question, 0, 5, 0, 1, 0, 0, 0, 60, 0, 7, 4, 'e', 'd', 'g', 'e', (byte) 0xC0, 24});
        int target = o.size() - 7;
        o.writeBytes(new byte[] {(byte) 0xC0, (byte) target, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 8, 8, 4, 4});
        o.writeBytes(new byte[] {(byte) 0xC0, (byte) target, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16});
        o.writeBytes(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        return o.toByteArray();
    }

    void feed(byte[] dns) {
        decoder.accept(Frames.raw(0, Frames.ipv4(Frames.SERVER, Frames.CLIENT, 17, Frames.udp(53, 40000, dns))));
        decoder.finish();
    }

    @Test
    void responseNamesEveryAddressWithItsAliases() throws Exception {
        feed(response());
        assertThat(decoder.dnsNames().namesFor(InetAddress.getByName("8.8.4.4")))
                .containsExactly("edge.miui.com", "sa.api.intl.miui.com");
        assertThat(decoder.dnsNames().namesFor(InetAddress.getByName("2001:db8::1")))
                .containsExactly("edge.miui.com", "sa.api.intl.miui.com");
        assertThat(decoder.dnsNames().namesFor(InetAddress.getByName("1.1.1.1"))).isEmpty();
        assertThat(rec.datagrams).hasSize(1);
    }

    @Test
    void compressionPointerLoopIsRejected() {
        byte[] dns = {0, 0, (byte) 0x81, (byte) 0x80, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 12, 0, 1, 0, 1};
        feed(dns);
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("dns.malformed");
        assertThat(rec.datagrams).hasSize(1);
    }

    @Test
    void queriesAreNotResponses() {
        byte[] query = response();
        query[2] = 0x01;
        feed(query);
        assertThat(decoder.dnsNames().size()).isZero();
    }

    @Test
    void truncatedResponseIsAProblem() {
        byte[] r = response();
        feed(Arrays.copyOf(r, r.length - 5));
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("dns.malformed");
    }
}

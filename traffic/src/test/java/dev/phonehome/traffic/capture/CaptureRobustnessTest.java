package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.capture.CaptureWriter;
import dev.phonehome.traffic.net.Frames;
import dev.phonehome.traffic.net.PacketDecoder;
import dev.phonehome.traffic.net.TcpStreamListener;
import dev.phonehome.traffic.net.Connection;
import dev.phonehome.traffic.net.Direction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Hostile captures: every prefix of valid files, and random byte flips. The only outcomes
 * allowed are packets, recorded problems, or a {@link CaptureFormatException} from open().
 */
class CaptureRobustnessTest {
    static final byte[] PCAP = samplePcap();
    static final byte[] PCAPNG = samplePcapng();

    static byte[] samplePcap() {
        return CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.ETHERNET)
                .record(1, Frames.ethernet(Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6, Frames.tcp(40000, 80, 1, Frames.SYN, new byte[0]))))
                .record(2, Frames.ethernet(Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6, Frames.tcp(40000, 80, 2, Frames.ACK, "GET / HTTP/1.1\r\n".getBytes()))), 1500)
                .record(3, Frames.ethernet(Frames.ipv4(Frames.SERVER, Frames.CLIENT, 17, Frames.udp(53, 40000, new byte[] {0, 0, (byte) 0x81, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0}))))
                .bytes();
    }

    static byte[] samplePcapng() {
        return CaptureWriter.pcapng().section(ByteOrder.BIG_ENDIAN).iface(LinkType.RAW, 9, 0)
                .keyLog("CLIENT_RANDOM " + "aa".repeat(32) + " " + "bb".repeat(48) + "\n")
                .pcapdroidUid(10001, "com.example", "Example")
                .epb(0, 5, Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6, Frames.tcp(40000, 80, 1, Frames.SYN, new byte[0])), 60, "u-10001")
                .spb(Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6, Frames.tcp(40000, 80, 2, Frames.ACK, "hello".getBytes())), 45)
                .section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.ETHERNET)
                .epb(0, 6, Frames.ethernet(Frames.ipv4(Frames.SERVER, Frames.CLIENT, 6, Frames.tcp(80, 40000, 7, Frames.ACK, "ok".getBytes()))))
                .bytes();
    }

    /** Reads and decodes everything; returns the packet count, or -1 when open() refused the file. */
    static int readAndDecode(byte[] file) throws IOException {
        CaptureReader r;
        try {
            r = CaptureFile.open(new ByteArrayInputStream(file), "fuzz");
        } catch (CaptureFormatException e) {
            return -1;
        }
        PacketDecoder decoder = new PacketDecoder(new TcpStreamListener() {
            @Override
            public void onOpen(Connection c) {
            }

            @Override
            public void onData(Connection c, Direction d, long timestampNanos, ByteBuffer data) {
            }

            @Override
            public void onGap(Connection c, Direction d, long missingBytes) {
            }

            @Override
            public void onClose(Connection c) {
            }
        }, d -> { });
        int n = 0;
        try (r) {
            Optional<Packet> p;
            while ((p = r.next()).isPresent()) {
                n++;
                decoder.accept(p.get());
            }
            decoder.finish();
            r.problems();
            r.embeddedKeyLog();
            r.uidToPackage();
        }
        return n;
    }

    @Test
    void everyPrefixOfAPcapReadsCleanly() throws IOException {
        assertThat(readAndDecode(PCAP)).isEqualTo(3);
        for (int len = 0; len < PCAP.length; len++) {
            int n = readAndDecode(Arrays.copyOf(PCAP, len));
            assertThat(n).as("prefix %d", len).isLessThan(3);
        }
    }

    @Test
    void everyPrefixOfAPcapngReadsCleanly() throws IOException {
        assertThat(readAndDecode(PCAPNG)).isEqualTo(3);
        for (int len = 0; len < PCAPNG.length; len++) {
            int n = readAndDecode(Arrays.copyOf(PCAPNG, len));
            assertThat(n).as("prefix %d", len).isLessThan(3);
        }
    }

    @Test
    void everyPrefixOfAGzippedCaptureReadsCleanly() throws IOException {
        byte[] gz = CaptureWriter.gzip(PCAPNG);
        for (int len = 0; len < gz.length; len++) {
            assertThat(readAndDecode(Arrays.copyOf(gz, len))).isLessThanOrEqualTo(3);
        }
    }

    @Property(tries = 400)
    void byteFlipsInPcapNeverEscape(@ForAll("flips") Tuple.Tuple2<Integer, Byte>[] flips) throws IOException {
        byte[] file = flip(PCAP, flips);
        // A flipped length can re-frame the records, but each needs its 16-byte header.
        assertThat(readAndDecode(file)).isLessThanOrEqualTo(file.length / 16);
    }

    @Property(tries = 400)
    void byteFlipsInPcapngNeverEscape(@ForAll("flips") Tuple.Tuple2<Integer, Byte>[] flips) throws IOException {
        byte[] file = flip(PCAPNG, flips);
        assertThat(readAndDecode(file)).isLessThanOrEqualTo(file.length / 12);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Byte>[]> flips() {
        Arbitrary<Tuple.Tuple2<Integer, Byte>> one = Arbitraries.integers().between(0, 1 << 20)
                .flatMap(i -> Arbitraries.bytes().map(b -> Tuple.of(i, b)));
        @SuppressWarnings("unchecked")
        Class<Tuple.Tuple2<Integer, Byte>[]> type = (Class<Tuple.Tuple2<Integer, Byte>[]>) (Class<?>) Tuple.Tuple2[].class;
        return one.array(type).ofMinSize(1).ofMaxSize(8);
    }

    static byte[] flip(byte[] original, Tuple.Tuple2<Integer, Byte>[] flips) {
        byte[] b = original.clone();
        for (Tuple.Tuple2<Integer, Byte> f : flips) {
            b[f.get1() % b.length] = f.get2();
        }
        return b;
    }
}

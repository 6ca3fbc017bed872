package dev.phonehome.traffic.net;

import static dev.phonehome.traffic.net.Direction.CLIENT_TO_SERVER;
import static dev.phonehome.traffic.net.Direction.SERVER_TO_CLIENT;
import static dev.phonehome.traffic.net.Frames.ACK;
import static dev.phonehome.traffic.net.Frames.CLIENT;
import static dev.phonehome.traffic.net.Frames.FIN;
import static dev.phonehome.traffic.net.Frames.RST;
import static dev.phonehome.traffic.net.Frames.SERVER;
import static dev.phonehome.traffic.net.Frames.SYN;
import static dev.phonehome.traffic.net.Frames.c2s;
import static dev.phonehome.traffic.net.Frames.ipv4;
import static dev.phonehome.traffic.net.Frames.raw;
import static dev.phonehome.traffic.net.Frames.s2c;
import static dev.phonehome.traffic.net.Frames.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TcpReassemblyTest {
    final RecordingListener rec = new RecordingListener();
    final PacketDecoder decoder = new PacketDecoder(rec, rec);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    void feed(Packet... packets) {
        for (Packet p : packets) {
            decoder.accept(p);
        }
        decoder.finish();
    }

    @Test
    void handshakeDataAndFinDeliverBothStreamsInOrder() {
        feed(c2s(1, 100, SYN, new byte[0]), s2c(2, 5000, SYN | ACK, new byte[0]),
                c2s(3, 101, ACK, b("GET / HTTP/1.1\r\n")), c2s(4, 117, ACK, b("\r\n")),
                s2c(5, 5001, ACK, b("HTTP/1.1 200 OK\r\n\r\nhi")),
                c2s(6, 119, FIN | ACK, new byte[0]), s2c(7, 5022, FIN | ACK, new byte[0]));

        assertThat(rec.opened).hasSize(1);
        Connection c = rec.opened.get(0);
        assertThat(c.client().port()).isEqualTo(40000);
        assertThat(c.server().port()).isEqualTo(443);
        assertThat(c.startNanos()).isEqualTo(1);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("GET / HTTP/1.1\r\n\r\n");
        assertThat(rec.text(1, SERVER_TO_CLIENT)).isEqualTo("HTTP/1.1 200 OK\r\n\r\nhi");
        assertThat(rec.closed).containsExactly(c);
        assertThat(decoder.problems()).isEmpty();
    }

    @Test
    void outOfOrderSegmentsAreReordered() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 107, ACK, b("world")), c2s(3, 101, ACK, b("hello ")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("hello world");
    }

    @Test
    void retransmissionsAreDeliveredOnce() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("abc")), c2s(3, 101, ACK, b("abc")),
                c2s(4, 102, ACK, b("bcdef")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abcdef");
        assertThat(decoder.problems()).isEmpty();
    }

    @Test
    void overlapWithDifferentBytesKeepsFirstSeenAndRecordsProblem() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("abc")), c2s(3, 101, ACK, b("xbcdef")),
                c2s(4, 110, ACK, b("JKL")), c2s(5, 110, ACK, b("jkl")), c2s(6, 107, ACK, b("ghi")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abcdefghiJKL");
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("tcp.overlap-differs", "tcp.overlap-differs");
    }

    @Test
    void missingSegmentBecomesGapAtClose() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("abc")), c2s(3, 110, ACK, b("xyz")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abc[gap 6]xyz");
    }

    @Test
    void midStreamStartUsesFirstSeenSequenceAndHigherPortAsClient() {
        feed(s2c(1, 777, ACK, b("late response")), c2s(2, 9, ACK, b("next request")));
        Connection c = rec.opened.get(0);
        assertThat(c.client().port()).isEqualTo(40000);
        assertThat(rec.text(1, SERVER_TO_CLIENT)).isEqualTo("late response");
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("next request");
    }

    @Test
    void sequenceNumbersWrapAround() {
        int isn = 0xFFFFFFFA;
        feed(c2s(1, isn, SYN, new byte[0]), c2s(2, isn + 1, ACK, b("0123")), c2s(3, isn + 9, ACK, b("89")),
                c2s(4, isn + 5, ACK, b("4567")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("0123456789");
        assertThat(decoder.problems()).isEmpty();
    }

    @Test
    void resetClosesAndLateRetransmissionsAreIgnored() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("abc")), s2c(3, 9, RST, new byte[0]),
                c2s(4, 101, ACK, b("abc")));
        assertThat(rec.opened).hasSize(1);
        assertThat(rec.closed).hasSize(1);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abc");
    }

    @Test
    void newSynAfterFinOnSamePortsStartsNewConnection() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("one")), c2s(3, 104, FIN | ACK, new byte[0]),
                s2c(4, 50, FIN | ACK, new byte[0]),
                c2s(5, 9000, SYN, new byte[0]), c2s(6, 9001, ACK, b("two")));
        assertThat(rec.opened).extracting(Connection::id).containsExactly(1L, 2L);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("one");
        assertThat(rec.text(2, CLIENT_TO_SERVER)).isEqualTo("two");
        assertThat(rec.closed).hasSize(2);
    }

    @Test
    void equalPortsOnBothSidesJoinBothDirectionsAndAddressesTellFlowsApart() {
        byte[] other = {10, 0, 0, 3};
        feed(raw(1, ipv4(CLIENT, SERVER, 6, tcp(5000, 5000, 100, SYN, new byte[0]))),
                raw(2, ipv4(SERVER, CLIENT, 6, tcp(5000, 5000, 700, SYN | ACK, new byte[0]))),
                raw(3, ipv4(other, SERVER, 6, tcp(5000, 5000, 300, SYN, new byte[0]))),
                raw(4, ipv4(SERVER, CLIENT, 6, tcp(5000, 5000, 701, ACK, b("from server")))),
                raw(5, ipv4(CLIENT, SERVER, 6, tcp(5000, 5000, 101, ACK, b("from client")))),
                raw(6, ipv4(other, SERVER, 6, tcp(5000, 5000, 301, ACK, b("other client")))));
        assertThat(rec.opened).hasSize(2);
        assertThat(rec.opened.get(0).client().address().getAddress()).isEqualTo(CLIENT);
        assertThat(rec.opened.get(1).client().address().getAddress()).isEqualTo(other);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("from client");
        assertThat(rec.text(1, SERVER_TO_CLIENT)).isEqualTo("from server");
        assertThat(rec.text(2, CLIENT_TO_SERVER)).isEqualTo("other client");
    }

    @Test
    void retransmittedSynDoesNotOpenAnotherConnection() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 100, SYN, new byte[0]), c2s(3, 101, ACK, b("x")));
        assertThat(rec.opened).hasSize(1);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("x");
    }

    @Test
    void outOfOrderBufferIsBoundedAndDeclaresGap() {
        decoder.accept(c2s(1, 0, SYN, new byte[0]));
        byte[] chunk = new byte[1000];
        int segments = TcpHalf.MAX_PENDING_SEGMENTS + 10;
        for (int i = 0; i < segments; i++) {
            decoder.accept(c2s(2, 1 + 10 + i * 1000, ACK, chunk)); // byte 1..10 never arrive
        }
        decoder.finish();
        String text = rec.text(1, CLIENT_TO_SERVER);
        assertThat(text).startsWith("[gap 10]");
        assertThat(rec.bytes(1, CLIENT_TO_SERVER)).hasSize("[gap 10]".length() + segments * 1000);
    }

    @Test
    void snaplenCutSegmentsBecomeGapsAtOnce() {
        byte[] full = Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6, Frames.tcp(40000, 443, 101, ACK, b("abcdefghij")));
        byte[] cut = Arrays.copyOf(full, full.length - 6);
        decoder.accept(c2s(1, 100, SYN, new byte[0]));
        decoder.accept(new Packet(2, LinkType.RAW, ByteBuffer.wrap(cut), full.length, 0, OptionalInt.empty(), 1));
        decoder.accept(c2s(3, 111, ACK, b("klm")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abcd[gap 6]klm");
        decoder.finish();
        assertThat(decoder.problems()).isEmpty();
    }

    @Test
    void bytesMissingBeforeAFinAreAGapAtClose() {
        feed(c2s(1, 100, SYN, new byte[0]), c2s(2, 101, ACK, b("abc")), c2s(3, 108, FIN | ACK, b("xy")));
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("abc[gap 4]xy");
    }

    @Test
    void idleConnectionIsClosedWhileTheCaptureGoesOn() {
        decoder.accept(c2s(0, 100, SYN, new byte[0]));
        decoder.accept(c2s(1, 101, ACK, b("quiet")));
        long later = TcpReassembler.IDLE_TIMEOUT_NANOS + 10;
        for (int i = 0; i < 5000 && rec.closed.isEmpty(); i++) {
            decoder.accept(Frames.raw(later + i, Frames.ipv4(Frames.CLIENT, Frames.SERVER, 6,
                    Frames.tcp(50000, 80, 1 + i, ACK, b("x")))));
        }
        assertThat(rec.closed).extracting(Connection::id).containsExactly(1L);
        assertThat(rec.text(1, CLIENT_TO_SERVER)).isEqualTo("quiet");
    }

    @Test
    void pureAcksOfUnknownFlowsOpenNothing() {
        feed(c2s(1, 100, ACK, new byte[0]), s2c(2, 100, FIN | ACK, new byte[0]));
        assertThat(rec.opened).isEmpty();
    }
}

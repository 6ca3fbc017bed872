package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.testkit.capture.CaptureWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
    static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7};

    @ParameterizedTest
    @CsvSource({"BIG_ENDIAN,false", "BIG_ENDIAN,true", "LITTLE_ENDIAN,false", "LITTLE_ENDIAN,true"})
    void readsEveryByteOrderAndResolution(String orderName, boolean nanos) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long ts = 1_700_000_000_123_456_789L;
        byte[] file = CaptureWriter.pcap(order, nanos, LinkType.RAW).record(ts, FRAME).record(ts + 1000, FRAME).bytes();

        Captures c = Captures.read(file);

        assertThat(c.packets()).hasSize(2);
        assertThat(c.problems()).isEmpty();
        Packet p = c.packets().get(0);
        assertThat(p.timestampNanos()).isEqualTo(nanos ? ts : ts - 789);
        assertThat(p.linkType()).isEqualTo(LinkType.RAW);
        assertThat(Captures.bytes(p.data())).isEqualTo(FRAME);
        assertThat(p.truncated()).isFalse();
        assertThat(c.packets().get(1).index()).isEqualTo(1);
    }

    @Test
    void snaplenCutPacketIsMarkedTruncated() throws Exception {
        byte[] file = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.ETHERNET).record(0, FRAME, 1500).bytes();
        Packet p = Captures.read(file).packets().get(0);
        assertThat(p.truncated()).isTrue();
        assertThat(p.originalLength()).isEqualTo(1500);
    }

    @Test
    void bogusRecordLengthStopsWithProblem() throws Exception {
        byte[] file = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.RAW).record(0, FRAME)
                .raw(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 0, 0, 0}).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcap.bogus-record-length");
    }

    @Test
    void truncatedFinalRecordKeepsEarlierPackets() throws Exception {
        byte[] full = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.RAW).record(0, FRAME).record(0, FRAME).bytes();
        Captures c = Captures.read(Arrays.copyOf(full, full.length - 3));
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcap.truncated");
    }

    @Test
    void gzipCompressedCaptureOpensTransparently() throws Exception {
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, true, LinkType.ETHERNET).record(5, FRAME).bytes();
        Captures c = Captures.read(CaptureWriter.gzip(file));
        assertThat(c.packets()).hasSize(1);
        assertThat(Captures.bytes(c.packets().get(0).data())).isEqualTo(FRAME);
    }

    @Test
    void truncatedGzipYieldsPacketsBeforeTheDamage() throws Exception {
        CaptureWriter w = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.RAW);
        for (int i = 0; i < 2000; i++) {
            w.record(i, new byte[] {(byte) i, (byte) (i >> 8), 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        }
        byte[] gz = CaptureWriter.gzip(w.bytes());
        Captures c = Captures.read(Arrays.copyOf(gz, gz.length / 2));
        assertThat(c.packets()).isNotEmpty().hasSizeLessThan(2000);
        assertThat(c.problemCodes()).isNotEmpty().allMatch(code -> code.equals("capture.compression-damaged")
                || code.equals("pcap.truncated"));
    }

    @Test
    void pcapdroidTrailerGivesTheUid() throws Exception {
        byte[] frame = new byte[14 + 20 + 32];
        frame[12] = 0x08;
        int t = frame.length - 32;
        frame[t] = 0x01; frame[t + 1] = 0x07; frame[t + 2] = 0x20; frame[t + 3] = 0x21;
        frame[t + 6] = 0x27; frame[t + 7] = 0x10; // uid 10000
        byte[] file = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.ETHERNET).record(0, frame).bytes();
        assertThat(Captures.read(file).packets().get(0).uid()).hasValue(10000);
    }

    @Test
    void kuznetzovPcapHasLongerRecordHeaders() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(24 + 24 + FRAME.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LinkType.RAW);
        b.putInt(7).putInt(5).putInt(FRAME.length).putInt(FRAME.length).putInt(3).putShort((short) 0x0800)
                .put((byte) 0).put((byte) 0).put(FRAME);
        Captures c = Captures.read(b.array());
        assertThat(c.packets()).hasSize(1);
        assertThat(c.packets().get(0).timestampNanos()).isEqualTo(7_000_005_000L);
        assertThat(Captures.bytes(c.packets().get(0).data())).isEqualTo(FRAME);
    }

    @Test
    void unknownMagicIsAFormatError() {
        assertThatThrownBy(() -> Captures.read("{\"log\":{}}".getBytes()))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("neither pcap nor pcapng");
        assertThatThrownBy(() -> Captures.read(new byte[] {(byte) 0xd4, (byte) 0xc3}))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("needs 4 bytes");
    }
}

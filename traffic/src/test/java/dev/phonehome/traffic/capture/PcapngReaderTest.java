package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.capture.CaptureWriter;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {
    static final byte[] FRAME = {0x45, 0, 0, 20, 1, 2, 3, 4, 5};
    static final String RANDOM = "aa".repeat(32);

    @Test
    void readsBothByteOrdersAndSeveralSections() throws Exception {
        byte[] file = CaptureWriter.pcapng()
                .section(ByteOrder.BIG_ENDIAN).iface(LinkType.ETHERNET).epb(0, 1_000_000, FRAME)
                .section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW).iface(LinkType.LINUX_SLL2).epb(1, 2_000_000, FRAME)
                .bytes();
        Captures c = Captures.read(file);

        assertThat(c.problems()).isEmpty();
        assertThat(c.packets()).extracting(Packet::linkType).containsExactly(LinkType.ETHERNET, LinkType.LINUX_SLL2);
        assertThat(c.packets()).extracting(Packet::timestampNanos).containsExactly(1_000_000_000L, 2_000_000_000L);
        assertThat(c.packets()).extracting(Packet::interfaceId).containsExactly(0, 1);
        assertThat(Captures.bytes(c.packets().get(1).data())).isEqualTo(FRAME);
    }

    @Test
    void timestampResolutionAndOffsetAreApplied() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .iface(LinkType.RAW, 9, 0)              // nanoseconds
                .iface(LinkType.RAW, 0x80 | 10, 100)    // 2^-10 s, +100 s
                .iface(LinkType.RAW, 3, 0)              // milliseconds
                .epb(0, 1_500_000_001L, FRAME).epb(1, 1024 + 512, FRAME).epb(2, 2500, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).extracting(Packet::timestampNanos)
                .containsExactly(1_500_000_001L, 101_500_000_000L, 2_500_000_000L);
    }

    @Test
    void simpleAndObsoletePacketBlocksAreRead() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .spb(FRAME, FRAME.length).obsoletePacket(0, 7, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(2);
        assertThat(c.packets().get(0).truncated()).isFalse();
        assertThat(Captures.bytes(c.packets().get(0).data())).isEqualTo(FRAME);
        assertThat(c.packets().get(1).timestampNanos()).isEqualTo(7_000L);
    }

    @Test
    void decryptionSecretsBlockYieldsTheKeyLog() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .keyLog("CLIENT_RANDOM " + RANDOM + " " + "11".repeat(48) + "\n")
                .secrets(0x57474b4c, "wireguard keys")
                .iface(LinkType.RAW).epb(0, 0, FRAME)
                .keyLog("SERVER_TRAFFIC_SECRET_0 " + RANDOM + " " + "22".repeat(32))
                .bytes();
        Captures c = Captures.read(file);
        assertThat(c.keyLog().size()).isEqualTo(2);
        assertThat(c.keyLog().secret("SERVER_TRAFFIC_SECRET_0", KeyLogTest.hex(RANDOM))).isPresent();
        assertThat(c.problemCodes()).containsExactly("pcapng.unsupported-secrets");
    }

    @Test
    void pcapdroidBlocksMapUidsToPackages() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .pcapdroidUid(10123, "com.xiaomi.browser", "Mi Browser")
                .pcapdroidUid(1000, "android", "Android System")
                .epb(0, 0, FRAME, FRAME.length, "u-10123")
                .epb(0, 0, FRAME, FRAME.length, "a human comment")
                .bytes();
        Captures c = Captures.read(file);
        assertThat(c.uids()).containsExactly(Map.entry(1000, "android"), Map.entry(10123, "com.xiaomi.browser"));
        assertThat(c.packets().get(0).uid()).hasValue(10123);
        assertThat(c.packets().get(1).uid()).isEmpty();
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void unknownBlocksAreSkipped() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .block(0x00000005, new byte[20]).block(0x12345678, new byte[] {1, 2, 3})
                .block(0x00000BAD, new byte[] {0, 0, 0, 1, 9, 9, 9, 9}).epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void bogusBlockLengthStopsReading() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW).epb(0, 0, FRAME)
                .rawBlock(6, 13, new byte[4], 13).epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcapng.bogus-block-length");
    }

    @Test
    void hugeBlockLengthIsRefusedWithoutAllocating() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .rawBlock(6, 0x7ffffffc, new byte[4], 0).bytes();
        assertThat(Captures.read(file).problemCodes()).containsExactly("pcapng.bogus-block-length");
    }

    @Test
    void trailingLengthMismatchSkipsTheBlockAndContinues() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW)
                .rawBlock(0x12345678, 16, new byte[4], 20).epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcapng.length-mismatch");
    }

    @Test
    void truncatedFinalBlockKeepsEarlierPackets() throws Exception {
        byte[] full = CaptureWriter.pcapng().section(ByteOrder.BIG_ENDIAN).iface(LinkType.RAW).epb(0, 0, FRAME)
                .epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(Arrays.copyOf(full, full.length - 5));
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcapng.truncated");
    }

    @Test
    void packetNamingAMissingInterfaceIsAProblem() throws Exception {
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW).epb(3, 0, FRAME)
                .epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcapng.unknown-interface");
    }

    @Test
    void interfaceWithMalformedOptionsKeepsItsPackets() throws Exception {
        byte[] idb = {1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 40, 0}; // if_tsresol claiming 40 bytes
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).block(1, idb).epb(0, 3, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).extracting(Packet::timestampNanos).containsExactly(3_000L);
        assertThat(c.problemCodes()).containsExactly("pcapng.bad-options");
    }

    @Test
    void capturedLengthBeyondBlockIsABadBlock() throws Exception {
        byte[] body = new byte[24];
        body[12] = 100; // captured length 100 in a 4-byte data area
        byte[] file = CaptureWriter.pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW).block(6, body)
                .epb(0, 0, FRAME).bytes();
        Captures c = Captures.read(file);
        assertThat(c.packets()).hasSize(1);
        assertThat(c.problemCodes()).containsExactly("pcapng.bad-block");
    }
}

package dev.phonehome.traffic.net;

import static dev.phonehome.traffic.net.Frames.CLIENT;
import static dev.phonehome.traffic.net.Frames.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinkAndIpDecodingTest {
    static final byte[] V6_CLIENT = v6("2001:db8::2");
    static final byte[] V6_SERVER = v6("2001:db8::1");
    final RecordingListener rec = new RecordingListener();
    final PacketDecoder decoder = new PacketDecoder(rec, rec);

    static byte[] v6(String s) {
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] udpV4(String text) {
        return Frames.ipv4(CLIENT, SERVER, 17, Frames.udp(5000, 6000, text.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] prefix(byte[] header, byte[] ip) {
        byte[] out = Arrays.copyOf(header, header.length + ip.length);
        System.arraycopy(ip, 0, out, header.length, ip.length);
        return out;
    }

    String onlyDatagram() {
        decoder.finish();
        assertThat(decoder.problems()).isEmpty();
        assertThat(rec.datagrams).hasSize(1);
        return StandardCharsets.US_ASCII.decode(rec.datagrams.get(0).payload()).toString();
    }

    @Test
    void ethernetWithStackedVlanTags() {
        decoder.accept(Frames.packet(0, LinkType.ETHERNET, Frames.ethernet(udpV4("vlan"), 10, 20)));
        assertThat(onlyDatagram()).isEqualTo("vlan");
    }

    @Test
    void linuxCookedV1() {
        byte[] sll = new byte[16];
        sll[14] = 0x08;
        decoder.accept(Frames.packet(0, LinkType.LINUX_SLL, prefix(sll, udpV4("sll"))));
        assertThat(onlyDatagram()).isEqualTo("sll");
    }

    @Test
    void linuxCookedV2() {
        byte[] sll2 = new byte[20];
        sll2[0] = (byte) 0x86;
        sll2[1] = (byte) 0xDD;
        byte[] ip = Frames.ipv6(V6_CLIENT, V6_SERVER, 17, Frames.udp(1, 2, "sll2".getBytes()));
        decoder.accept(Frames.packet(0, LinkType.LINUX_SLL2, prefix(sll2, ip)));
        assertThat(onlyDatagram()).isEqualTo("sll2");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.NULL, LinkType.LOOP})
    void bsdLoopbackInEitherByteOrder(int linkType) {
        byte[] family = linkType == LinkType.NULL ? new byte[] {2, 0, 0, 0} : new byte[] {0, 0, 0, 2};
        decoder.accept(Frames.packet(0, linkType, prefix(family, udpV4("null"))));
        assertThat(onlyDatagram()).isEqualTo("null");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.RAW, LinkType.RAW_DLT12, LinkType.RAW_DLT14, LinkType.IPV4})
    void rawIpv4(int linkType) {
        decoder.accept(Frames.packet(0, linkType, udpV4("raw")));
        assertThat(onlyDatagram()).isEqualTo("raw");
    }

    @Test
    void rawIpv6LinkType() {
        decoder.accept(Frames.packet(0, LinkType.IPV6, Frames.ipv6(V6_CLIENT, V6_SERVER, 17, Frames.udp(1, 2, "v6".getBytes()))));
        assertThat(onlyDatagram()).isEqualTo("v6");
        assertThat(rec.datagrams.get(0).source().toString()).isEqualTo("[2001:db8:0:0:0:0:0:2]:1");
    }

    @Test
    void ipv4OptionsAreSkipped() {
        byte[] udp = Frames.udp(7, 8, "opts".getBytes());
        ByteBuffer b = ByteBuffer.allocate(24 + udp.length);
        b.put((byte) 0x46).put((byte) 0).putShort((short) (24 + udp.length)).putInt(0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).put(CLIENT).put(SERVER).putInt(0x01010101).put(udp);
        decoder.accept(Frames.raw(0, b.array()));
        assertThat(onlyDatagram()).isEqualTo("opts");
    }

    @Test
    void ipv4FragmentsAreReassembledInAnyOrder() {
        byte[] udp = Frames.udp(5000, 6000, "0123456789abcdefghijklmnopqrstuv".getBytes());
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 7, 24, false, Arrays.copyOfRange(udp, 24, udp.length))));
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 7, 0, true, Arrays.copyOfRange(udp, 0, 16))));
        assertThat(rec.datagrams).isEmpty();
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 7, 16, true, Arrays.copyOfRange(udp, 16, 24))));
        assertThat(onlyDatagram()).isEqualTo("0123456789abcdefghijklmnopqrstuv");
    }

    @Test
    void ipv6FragmentsAfterHopByHopAreReassembled() {
        byte[] udp = Frames.udp(5000, 6000, "sixteen bytes!!!".getBytes());
        decoder.accept(Frames.raw(0, Frames.ipv6Fragment(V6_CLIENT, V6_SERVER, 17, 9, 0, true, Arrays.copyOfRange(udp, 0, 8))));
        decoder.accept(Frames.raw(0, Frames.ipv6Fragment(V6_CLIENT, V6_SERVER, 17, 9, 8, false, Arrays.copyOfRange(udp, 8, udp.length))));
        assertThat(onlyDatagram()).isEqualTo("sixteen bytes!!!");
    }

    @Test
    void overlappingFragmentWithOtherBytesKeepsFirstAndIsReported() {
        byte[] udp = Frames.udp(5000, 6000, "AAAAAAAABBBBBBBBCCCCCCCC".getBytes());
        byte[] evil = Frames.udp(5000, 6000, "AAAAAAAAXXXXXXXXCCCCCCCC".getBytes());
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 3, 0, true, Arrays.copyOfRange(udp, 0, 24))));
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 3, 8, true, Arrays.copyOfRange(evil, 8, 24))));
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 3, 24, false, Arrays.copyOfRange(udp, 24, 32))));
        decoder.finish();
        assertThat(StandardCharsets.US_ASCII.decode(rec.datagrams.get(0).payload()).toString()).isEqualTo("AAAAAAAABBBBBBBBCCCCCCCC");
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("ip.fragment-overlap-differs");
    }

    @Test
    void fragmentsThatNeverCompleteExpire() {
        byte[] part = new byte[8];
        decoder.accept(Frames.raw(0, Frames.ipv4Fragment(CLIENT, SERVER, 17, 1, 0, true, part)));
        decoder.accept(Frames.raw(FragmentReassembler.TIMEOUT_NANOS + 1, Frames.ipv4Fragment(CLIENT, SERVER, 17, 2, 0, true, part)));
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("ip.fragments-incomplete");
    }

    @Test
    void snaplenCutPacketIsAProblemNotACrash() {
        byte[] ip = Frames.ipv4(CLIENT, SERVER, 6, Frames.tcp(1, 2, 0, Frames.ACK, new byte[100]));
        byte[] cut = Arrays.copyOf(ip, 30);
        decoder.accept(new Packet(0, LinkType.RAW, ByteBuffer.wrap(cut), ip.length, 0, OptionalInt.empty(), 4));
        assertThat(decoder.problems()).extracting(Problem::code).containsExactly("packet.truncated");
    }

    @Test
    void nonIpFramesAreIgnored() {
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        decoder.accept(Frames.packet(0, LinkType.ETHERNET, arp));
        decoder.accept(Frames.packet(0, 147, new byte[10]));
        decoder.finish();
        assertThat(rec.datagrams).isEmpty();
        assertThat(decoder.problems()).isEmpty();
    }
}

package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DecoderPropertiesTest {
    @Property(tries = 300)
    void anyStreamCutIntoShuffledDuplicatedSegmentsReassemblesExactly(
            @ForAll @Size(min = 1, max = 3000) byte[] stream, @ForAll int isn, @ForAll long seed) {
        Random random = new Random(seed);
        List<Packet> packets = new ArrayList<>();
        for (int pos = 0; pos < stream.length; ) {
            int len = 1 + random.nextInt(Math.min(300, stream.length - pos));
            byte[] part = new byte[len];
            System.arraycopy(stream, pos, part, 0, len);
            packets.add(Frames.c2s(pos, isn + 1 + pos, Frames.ACK, part));
            if (random.nextInt(4) == 0) {
                packets.add(Frames.c2s(pos, isn + 1 + pos, Frames.ACK, part));
            }
            pos += len;
        }
        Collections.shuffle(packets, random);
        packets.add(0, Frames.c2s(0, isn, Frames.SYN, new byte[0]));

        RecordingListener rec = new RecordingListener();
        PacketDecoder decoder = new PacketDecoder(rec, rec);
        packets.forEach(decoder::accept);
        decoder.finish();

        assertThat(rec.bytes(1, Direction.CLIENT_TO_SERVER)).isEqualTo(stream);
        assertThat(decoder.problems()).isEmpty();
    }

    @Property(tries = 1000)
    void randomFramesNeverThrow(@ForAll @Size(max = 200) byte[] frame,
                                @ForAll @IntRange(min = 0, max = 8) int linkTypeChoice) {
        int[] linkTypes = {LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL,
            LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2, LinkType.RAW_DLT12};
        RecordingListener rec = new RecordingListener();
        PacketDecoder decoder = new PacketDecoder(rec, rec);
        decoder.accept(new Packet(0, linkTypes[linkTypeChoice], ByteBuffer.wrap(frame), frame.length, 0,
                OptionalInt.empty(), 0));
        decoder.finish();
        assertThat(rec.opened.size()).isEqualTo(rec.closed.size());
    }

    @Property(tries = 500)
    void validHeadersWithRandomPayloadNeverThrow(@ForAll @Size(max = 120) byte[] transport,
                                                 @ForAll @IntRange(min = 0, max = 255) int protocol) {
        RecordingListener rec = new RecordingListener();
        PacketDecoder decoder = new PacketDecoder(rec, rec);
        decoder.accept(Frames.raw(0, Frames.ipv4(Frames.CLIENT, Frames.SERVER, protocol, transport)));
        decoder.accept(Frames.raw(0, Frames.ipv6(LinkAndIpDecodingTest.V6_CLIENT, LinkAndIpDecodingTest.V6_SERVER,
                protocol, transport)));
        decoder.finish();
        assertThat(rec.opened.size()).isEqualTo(rec.closed.size());
    }
}

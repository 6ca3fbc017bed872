package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.KeyLog;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Random frames inside a valid pcap header: only problems in the report, never an exception or a hang. */
class HostileCaptureTest {
    @Property(tries = 200)
    void randomFramesGiveAReport(@ForAll @Size(max = 8) List<@Size(max = 300) byte[]> frames,
                                 @ForAll boolean startWithHttp) throws Exception {
        List<byte[]> payloads = new ArrayList<>(frames);
        if (startWithHttp && !payloads.isEmpty()) {
            payloads.set(0, "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        ByteBuffer pcap = ByteBuffer.allocate(24 + payloads.stream().mapToInt(f -> 16 + 54 + f.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int i = 0;
        for (byte[] payload : payloads) {
            ByteBuffer frame = ByteBuffer.allocate(54 + payload.length);
            frame.put(new byte[12]).putShort((short) 0x0800).put((byte) 0x45).put((byte) 0)
                    .putShort((short) (40 + payload.length)).putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)
                    .put(new byte[] {10, 0, 0, 2}).put(new byte[] {10, 0, 0, 1})
                    .putShort((short) 40000).putShort((short) 80).putInt(i * 1000).putInt(0).put((byte) 0x50)
                    .put((byte) 0x18).putShort((short) 1000).putInt(0).put(payload);
            pcap.putInt(1).putInt(i).putInt(frame.capacity()).putInt(frame.capacity()).put(frame.array(), 0, frame.capacity());
            i++;
        }
        Path file = Files.createTempFile("hostile", ".pcap");
        try {
            Files.write(file, Arrays.copyOf(pcap.array(), pcap.position()));
            TrafficReport r = new TrafficAnalyzer().report(file, KeyLog.empty());
            assertThat(r.capture().units()).isEqualTo(frames.size());
        } catch (CaptureFormatException allowed) {
            assertThat(allowed.getMessage()).isNotBlank();
        } finally {
            Files.delete(file);
        }
    }
}

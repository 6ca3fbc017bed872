package dev.phonehome.traffic.capture;

import dev.phonehome.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a whole in-memory capture for assertions. */
public record Captures(List<Packet> packets, List<Problem> problems, KeyLog keyLog, Map<Integer, String> uids) {

    public static Captures read(byte[] file) throws IOException, CaptureFormatException {
        try (CaptureReader r = CaptureFile.open(new ByteArrayInputStream(file), "test.pcap")) {
            List<Packet> packets = new ArrayList<>();
            Optional<Packet> p;
            while ((p = r.next()).isPresent()) {
                packets.add(p.get());
            }
            return new Captures(packets, r.problems(), r.embeddedKeyLog(), r.uidToPackage());
        }
    }

    public List<String> problemCodes() {
        return problems.stream().map(Problem::code).toList();
    }

    public static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}

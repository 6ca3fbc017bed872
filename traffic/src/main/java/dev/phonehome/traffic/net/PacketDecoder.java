package dev.phonehome.traffic.net;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.Problem;
import dev.phonehome.core.io.FormatException;
import dev.phonehome.traffic.capture.CaptureReader;
import dev.phonehome.traffic.capture.Packet;
import dev.phonehome.core.ProblemLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Takes captured frames down the layers: link → IP (with fragment reassembly) → TCP streams
 * to a {@link TcpStreamListener}, UDP datagrams to a {@link DatagramListener}, and DNS
 * responses (UDP port 53) into {@link #dnsNames()}. A frame that fails to decode becomes a
 * problem and the next frame is decoded as usual.
 */
public final class PacketDecoder {
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int DNS_PORT = 53;

    private final ProblemLog problems = new ProblemLog("capture");
    private final FragmentReassembler fragments = new FragmentReassembler(problems);
    private final TcpReassembler tcp;
    private final DatagramListener udp;
    private final DnsNames dnsNames = new DnsNames();

    public PacketDecoder(TcpStreamListener tcpListener, DatagramListener udpListener) {
        this.tcp = new TcpReassembler(tcpListener, problems);
        this.udp = udpListener;
    }

    /** Decodes every packet of {@code reader}, then {@link #finish()}es. */
    public void decodeAll(CaptureReader reader) throws IOException {
        Optional<Packet> p;
        while ((p = reader.next()).isPresent()) {
            accept(p.get());
        }
        finish();
    }

    public void accept(Packet packet) {
        try {
            Optional<ByteBuffer> network = LinkLayer.network(packet);
            if (network.isEmpty()) {
                return;
            }
            IpPacket ip = IpDecoder.decode(network.get());
            if (ip.fragment()) {
                Optional<IpPacket> whole = fragments.offer(ip, packet.timestampNanos());
                if (whole.isEmpty()) {
                    return;
                }
                ip = whole.get();
            }
            transport(packet, ip);
        } catch (FormatException e) {
            problems.add(packet.truncated() ? "packet.truncated" : "packet.malformed", "frame " + packet.index(),
                    e.getMessage());
        }
    }

    private void transport(Packet packet, IpPacket ip) throws FormatException {
        if (ip.protocol() == TCP) {
            TcpSegment s = TcpSegment.decode(ip.payload(), ip.cutBytes());
            tcp.segment(packet.timestampNanos(), new Endpoint(ip.source(), s.sourcePort()),
                    new Endpoint(ip.destination(), s.destinationPort()), s, packet.uid());
        } else if (ip.protocol() == UDP) {
            UdpHeader u = UdpHeader.decode(ip.payload());
            Datagram d = new Datagram(packet.timestampNanos(), new Endpoint(ip.source(), u.sourcePort()),
                    new Endpoint(ip.destination(), u.destinationPort()), u.payload(), packet.uid());
            if (u.sourcePort() == DNS_PORT) {
                dns(packet, u.payload());
            }
            udp.onDatagram(d);
        }
    }

    private void dns(Packet packet, ByteBuffer message) {
        try {
            for (DnsResponse.Answer a : DnsResponse.addresses(message)) {
                dnsNames.add(a.address(), a.name());
            }
        } catch (FormatException e) {
            problems.add("dns.malformed", "frame " + packet.index(), e.getMessage());
        }
    }

    /** Closes the connections still open (end of capture). */
    public void finish() {
        tcp.finish();
    }

    public DnsNames dnsNames() {
        return dnsNames;
    }

    public List<Problem> problems() {
        return problems.problems();
    }

    /** Connections currently remembered, for monitoring memory. */
    public int trackedConnections() {
        return tcp.tracked();
    }
}

package dev.phonehome.traffic.net;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reassembles IPv4 and IPv6 fragments. Bounded: at most {@link #MAX_DATAGRAMS} datagrams in
 * progress (the oldest is dropped), each at most {@link #MAX_DATAGRAM_BYTES}, each given
 * {@link #TIMEOUT_NANOS} of capture time to complete.
 *
 * <p>Overlap policy: the first fragment to cover a byte wins (as Wireshark by default and
 * BSD-derived stacks); an overlapping fragment whose bytes differ records an
 * {@code ip.fragment-overlap-differs} problem, since that is how evasion attacks look.
 */
final class FragmentReassembler {
    static final int MAX_DATAGRAMS = 1_024;
    static final int MAX_DATAGRAM_BYTES = 65_535;
    static final long TIMEOUT_NANOS = 30_000_000_000L;

    private record Key(InetAddress source, InetAddress destination, int protocol, long id) {
    }

    private static final class Partial {
        final long firstSeen;
        byte[] data = new byte[0];
        final BitSet have = new BitSet();
        int length = -1;

        Partial(long firstSeen) {
            this.firstSeen = firstSeen;
        }

        void ensure(int end) {
            if (data.length < end) {
                data = Arrays.copyOf(data, Math.min(MAX_DATAGRAM_BYTES, Math.max(end, data.length * 2)));
            }
        }

        boolean complete() {
            return length >= 0 && have.nextClearBit(0) >= length;
        }
    }

    private final Map<Key, Partial> partials = new LinkedHashMap<>();
    private final ProblemLog problems;

    FragmentReassembler(ProblemLog problems) {
        this.problems = problems;
    }

    /** The whole datagram once its last missing fragment arrives, else empty. */
    Optional<IpPacket> offer(IpPacket fragment, long timestampNanos) {
        expire(timestampNanos);
        Key key = new Key(fragment.source(), fragment.destination(), fragment.protocol(), fragment.fragmentId());
        ByteBuffer payload = fragment.payload();
        int start = fragment.fragmentOffset();
        int end = start + payload.remaining();
        if (end > MAX_DATAGRAM_BYTES) {
            problems.add("ip.fragment-too-large", key.source().getHostAddress(),
                    "fragment ends at " + end + ", beyond " + MAX_DATAGRAM_BYTES);
            return Optional.empty();
        }
        Partial p = partials.get(key);
        if (p == null) {
            if (partials.size() == MAX_DATAGRAMS) {
                dropOldest();
            }
            p = new Partial(timestampNanos);
            partials.put(key, p);
        }
        if (!fragment.moreFragments()) {
            p.length = end;
        }
        p.ensure(end);
        boolean differs = false;
        for (int i = start; i < end; i++) {
            byte b = payload.get(payload.position() + i - start);
            if (p.have.get(i)) {
                differs |= p.data[i] != b;
            } else {
                p.data[i] = b;
            }
        }
        p.have.set(start, end);
        if (differs) {
            problems.add("ip.fragment-overlap-differs", key.source().getHostAddress(), "fragment id " + key.id()
                    + " at offset " + start + " rewrites bytes already received; first received kept");
        }
        if (!p.complete()) {
            return Optional.empty();
        }
        partials.remove(key);
        byte[] whole = new byte[p.length];
        System.arraycopy(p.data, 0, whole, 0, p.length);
        return Optional.of(fragment.reassembled(ByteBuffer.wrap(whole).asReadOnlyBuffer()));
    }

    private void expire(long now) {
        Iterator<Partial> it = partials.values().iterator();
        while (it.hasNext()) {
            Partial p = it.next();
            if (now - p.firstSeen <= TIMEOUT_NANOS) {
                return;
            }
            it.remove();
            problems.add("ip.fragments-incomplete", "ip", "datagram timed out with missing fragments");
        }
    }

    private void dropOldest() {
        Iterator<Partial> it = partials.values().iterator();
        it.next();
        it.remove();
        problems.add("ip.fragments-dropped", "ip", "more than " + MAX_DATAGRAMS + " datagrams in reassembly");
    }
}

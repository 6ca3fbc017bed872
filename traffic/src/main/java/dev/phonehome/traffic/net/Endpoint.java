package dev.phonehome.traffic.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One side of a transport flow: an IPv4 or IPv6 address and a port. Ordered by address bytes
 * (IPv4 before IPv6), then port, so that sorted results are deterministic.
 */
public record Endpoint(InetAddress address, int port) implements Comparable<Endpoint> {
    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
    }

    /*
     * equals and hashCode are written out because endpoints are hash keys on every packet: a
     * record's generated ones run through method-handle chains and call sites shared by every
     * record in the JVM (Objects.equals, Objects.hashCode), whose type profiles are megamorphic,
     * which costs the JIT compiler work in each method that inlines them.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && port == e.port && address.equals(e.address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + port;
    }

    @Override
    public int compareTo(Endpoint o) {
        byte[] a = address.getAddress();
        byte[] b = o.address.getAddress();
        int c = Integer.compare(a.length, b.length);
        if (c == 0) {
            c = Arrays.compareUnsigned(a, b);
        }
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    /** {@code 10.0.0.1:443} or {@code [2001:db8::1]:443}. */
    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}

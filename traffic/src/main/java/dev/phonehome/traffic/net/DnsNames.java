package dev.phonehome.traffic.net;

import java.net.InetAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * IP address → the host names the phone resolved to it (the queried name, its CNAME aliases
 * and the canonical name), from DNS responses seen in the capture. Names destinations that
 * carry no TLS SNI or HTTP Host. Bounded to {@link #MAX_ADDRESSES} addresses and
 * {@link #MAX_NAMES_PER_ADDRESS} names each.
 */
public final class DnsNames {
    public static final int MAX_ADDRESSES = 200_000;
    public static final int MAX_NAMES_PER_ADDRESS = 64;

    private final Map<InetAddress, SortedSet<String>> names = new HashMap<>();

    void add(InetAddress address, String name) {
        SortedSet<String> set = names.get(address);
        if (set == null) {
            if (names.size() >= MAX_ADDRESSES) {
                return;
            }
            set = new TreeSet<>();
            names.put(address, set);
        }
        if (set.size() < MAX_NAMES_PER_ADDRESS) {
            set.add(name);
        }
    }

    /** Names resolved to {@code address}, sorted; empty when none. */
    public SortedSet<String> namesFor(InetAddress address) {
        SortedSet<String> s = names.get(address);
        return s == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(s);
    }

    public int size() {
        return names.size();
    }
}

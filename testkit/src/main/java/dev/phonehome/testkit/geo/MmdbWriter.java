package dev.phonehome.testkit.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small MaxMind DB files (format 2.0) for tests: an IPv6 search tree with 24-bit records,
 * IPv4 networks placed under {@code ::/96} as the format prescribes, and records that are maps of
 * strings. Enough to exercise a reader on known networks without third-party files.
 */
public final class MmdbWriter {
    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF,
            'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private final String databaseType;
    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    private static final class Node {
        Object[] children = new Object[2];
    }

    private record Data(int offset) {
    }

    public MmdbWriter(String databaseType) {
        this.databaseType = databaseType;
    }

    /** Adds {@code record} (string values) for the block {@code cidr}, e.g. {@code 192.0.2.0/24}. */
    public MmdbWriter network(String cidr, Map<String, String> record) {
        int slash = cidr.indexOf('/');
        byte[] address = address(cidr.substring(0, slash));
        int length = Integer.parseInt(cidr.substring(slash + 1));
        byte[] key = new byte[16];
        int bits = length;
        if (address.length == 4) {
            System.arraycopy(address, 0, key, 12, 4);
            bits += 96;
        } else {
            key = address;
        }
        Data value = new Data(data.size());
        encodeMap(data, record);
        Node node = root;
        for (int i = 0; i < bits - 1; i++) {
            int bit = bit(key, i);
            if (!(node.children[bit] instanceof Node)) {
                node.children[bit] = new Node();
            }
            node = (Node) node.children[bit];
        }
        node.children[bit(key, bits - 1)] = value;
        return this;
    }

    private static int bit(byte[] key, int i) {
        return (key[i / 8] >> (7 - i % 8)) & 1;
    }

    private static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The database bytes. */
    public byte[] build() {
        List<Node> nodes = new ArrayList<>();
        Map<Node, Integer> index = new IdentityHashMap<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node n = queue.removeFirst();
            index.put(n, nodes.size());
            nodes.add(n);
            for (Object child : n.children) {
                if (child instanceof Node c) {
                    queue.addLast(c);
                }
            }
        }
        int count = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node n : nodes) {
            for (Object child : n.children) {
                long record = child instanceof Node c ? index.get(c)
                        : child instanceof Data d ? count + 16L + d.offset() : count;
                out.write((int) (record >> 16));
                out.write((int) (record >> 8));
                out.write((int) record);
            }
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(data.toByteArray());
        out.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", 2);
        metadata.put("binary_format_minor_version", 0);
        metadata.put("build_epoch", 1_750_000_000L);
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "phonehome test database"));
        metadata.put("ip_version", 6);
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", (long) count);
        metadata.put("record_size", 24);
        encode(out, metadata);
        return out.toByteArray();
    }

    public Path write(Path file) {
        try {
            Files.write(file, build());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void encodeMap(ByteArrayOutputStream out, Map<String, String> record) {
        encode(out, new LinkedHashMap<String, Object>(record));
    }

    private static void encode(ByteArrayOutputStream out, Object value) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            control(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Integer i) {
            unsigned(out, 5, i);
        } else if (value instanceof Long l) {
            unsigned(out, l > 0xFFFF_FFFFL ? 9 : 6, l);
        } else if (value instanceof Map<?, ?> map) {
            control(out, 7, map.size());
            map.forEach((k, v) -> {
                encode(out, k);
                encode(out, v);
            });
        } else if (value instanceof List<?> list) {
            control(out, 11, list.size());
            list.forEach(v -> encode(out, v));
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void unsigned(ByteArrayOutputStream out, int type, long value) {
        int size = 0;
        for (long v = value; v != 0; v >>>= 8) {
            size++;
        }
        control(out, type, size);
        for (int i = size - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** Control byte: type in the top three bits (0 plus an extension byte above 7), size below. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        int sizeBits = size < 29 ? size : size < 285 ? 29 : 30;
        out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (sizeBits == 29) {
            out.write(size - 29);
        } else if (sizeBits == 30) {
            out.write((size - 285) >> 8);
            out.write(size - 285);
        }
    }
}

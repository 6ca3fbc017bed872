package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * TLS secrets in the NSS key log format ({@code SSLKEYLOGFILE}): one
 * {@code LABEL <client random hex> <secret hex>} per line, {@code #} comments. Immutable.
 *
 * <p>Lines that cannot be used become problems: malformed lines, unknown labels, a client
 * random that is not 32 bytes, and a second, different secret for the same label and client
 * random (the first one is kept). Parsing is bounded by {@link #MAX_LINE_CHARS} and
 * {@link #MAX_SECRETS}.
 */
public final class KeyLog {
    public static final int MAX_LINE_CHARS = 1_024;
    public static final int MAX_SECRETS = 1_000_000;
    /** TLS 1.2 master secret. */
    public static final String CLIENT_RANDOM = "CLIENT_RANDOM";
    public static final Set<String> LABELS = Set.of(
            CLIENT_RANDOM,
            "CLIENT_EARLY_TRAFFIC_SECRET", "EARLY_TRAFFIC_SECRET", "EARLY_EXPORTER_SECRET",
            "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
            "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
    private static final int CLIENT_RANDOM_BYTES = 32;
    private static final int MAX_SECRET_BYTES = 64;
    private static final KeyLog EMPTY = new KeyLog(Map.of(), List.of(), 0);

    /** client random (hex, lower case) → label → secret. */
    private final Map<String, Map<String, byte[]>> secrets;
    private final List<Problem> problems;
    private final int size;

    private KeyLog(Map<String, Map<String, byte[]>> secrets, List<Problem> problems, int size) {
        this.secrets = secrets;
        this.problems = problems;
        this.size = size;
    }

    public static KeyLog empty() {
        return EMPTY;
    }

    public static KeyLog parse(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.getFileName().toString());
        }
    }

    public static KeyLog parse(Reader reader) throws IOException {
        return parse(reader, "keylog");
    }

    /** Parses a key log; {@code subject} names the source in problems. */
    public static KeyLog parse(Reader reader, String subject) throws IOException {
        Builder b = new Builder();
        b.read(reader, subject);
        return b.build();
    }

    /** The secret for {@code label} of the TLS session whose ClientHello carried {@code clientRandom}. */
    public Optional<byte[]> secret(String label, byte[] clientRandom) {
        return lookup(secrets, label, clientRandom);
    }

    private static Optional<byte[]> lookup(Map<String, Map<String, byte[]>> secrets, String label, byte[] clientRandom) {
        Map<String, byte[]> m = secrets.get(HexFormat.of().formatHex(clientRandom));
        byte[] s = m == null ? null : m.get(label);
        return s == null ? Optional.empty() : Optional.of(s.clone());
    }

    /** All secrets of one session, by label (sorted); empty when the client random is unknown. */
    public Map<String, byte[]> secrets(byte[] clientRandom) {
        Map<String, byte[]> m = secrets.get(HexFormat.of().formatHex(clientRandom));
        if (m == null) {
            return Map.of();
        }
        Map<String, byte[]> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** Union of both logs; on conflict this log's secret wins. */
    public KeyLog merge(KeyLog other) {
        if (other.size == 0 && other.problems.isEmpty()) {
            return this;
        }
        Map<String, Map<String, byte[]>> merged = new LinkedHashMap<>();
        secrets.forEach((k, v) -> merged.put(k, new LinkedHashMap<>(v)));
        int n = size;
        for (Map.Entry<String, Map<String, byte[]>> e : other.secrets.entrySet()) {
            Map<String, byte[]> m = merged.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
            for (Map.Entry<String, byte[]> s : e.getValue().entrySet()) {
                if (n < MAX_SECRETS && m.putIfAbsent(s.getKey(), s.getValue()) == null) {
                    n++;
                }
            }
        }
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new KeyLog(merged, List.copyOf(p), n);
    }

    /** Number of (client random, label) secrets. */
    public int size() {
        return size;
    }

    /** Lines that were not used, with the reason. */
    public List<Problem> problems() {
        return problems;
    }

    /** Accumulates several key-log texts (e.g. many pcapng Decryption Secrets Blocks) cheaply. */
    static final class Builder {
        private final ProblemLog problems = new ProblemLog("capture");
        private final Map<String, Map<String, byte[]>> secrets = new LinkedHashMap<>();
        private String subject = "keylog";
        private int size;

        void read(Reader reader, String source) throws IOException {
            subject = source;
            BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE_CHARS);
            String line;
            while ((line = lines.next()) != null) {
                if (lines.lastLineTooLong()) {
                    problems.add("keylog.line-too-long", subject,
                            "line " + lines.lineNumber() + " longer than " + MAX_LINE_CHARS + " characters");
                } else {
                    line(line, lines.lineNumber());
                }
            }
        }

        void line(String raw, long number) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                bad(number, "expected LABEL CLIENT_RANDOM SECRET, found " + f.length + " fields");
                return;
            }
            if (!LABELS.contains(f[0])) {
                problems.add("keylog.unknown-label", subject, "line " + number + ": label " + abbreviate(f[0]));
                return;
            }
            byte[] random = hex(f[1]);
            byte[] secret = hex(f[2]);
            if (random == null || random.length != CLIENT_RANDOM_BYTES) {
                bad(number, "client random is not " + CLIENT_RANDOM_BYTES + " bytes of hex");
            } else if (secret == null || secret.length == 0 || secret.length > MAX_SECRET_BYTES) {
                bad(number, "secret is not 1.." + MAX_SECRET_BYTES + " bytes of hex");
            } else if (size >= MAX_SECRETS) {
                problems.add("keylog.too-many", subject, "line " + number + ": more than " + MAX_SECRETS + " secrets");
            } else {
                put(f[0], f[1].toLowerCase(Locale.ROOT), secret, number);
            }
        }

        private void put(String label, String randomHex, byte[] secret, long number) {
            Map<String, byte[]> m = secrets.computeIfAbsent(randomHex, k -> new LinkedHashMap<>());
            byte[] old = m.putIfAbsent(label, secret);
            if (old == null) {
                size++;
            } else if (!Arrays.equals(old, secret)) {
                problems.add("keylog.conflict", subject,
                        "line " + number + ": second, different " + label + " for the same client random; first kept");
            }
        }

        private void bad(long number, String why) {
            problems.add("keylog.bad-line", subject, "line " + number + ": " + why);
        }

        /** The secret read so far, without taking a snapshot. */
        Optional<byte[]> secret(String label, byte[] clientRandom) {
            return lookup(secrets, label, clientRandom);
        }

        /** An immutable snapshot; the builder can go on accumulating. */
        KeyLog build() {
            Map<String, Map<String, byte[]>> copy = new LinkedHashMap<>();
            secrets.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
            return new KeyLog(copy, problems.problems(), size);
        }
    }

    private static byte[] hex(String s) {
        if (s.length() % 2 != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

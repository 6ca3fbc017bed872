package dev.phonehome.core.geo;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts ip-location-db ASN CSV files ({@code start,end,asn,"organisation"}, inclusive ranges)
 * into an {@link AsnTable}. Rows that do not parse, mix address families, run backwards or
 * overlap an earlier row are counted and left out, so a bad line costs one range, not the table.
 */
public final class AsnTableWriter {
    /** Longest CSV line read; real lines are under 200 characters. */
    static final int MAX_LINE = 1_024;
    /** Most rows kept, far above the half million of today's data. */
    static final int MAX_ROWS = 4_000_000;

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long skipped;

    private record Row(byte[] start, byte[] end, long asn, int name) {
    }

    /** What a conversion kept and dropped. */
    public record Result(int ranges, int organisations, long skippedLines) {
    }

    /** Reads one CSV file; call once per file, then {@link #write}. */
    public void read(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        int c;
        boolean tooLong = false;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                accept(tooLong ? null : line.toString());
                line.setLength(0);
                tooLong = false;
            } else if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (line.length() > 0 || tooLong) {
            accept(tooLong ? null : line.toString());
        }
    }

    private void accept(String line) {
        Optional<Row> row = line == null || rows.size() >= MAX_ROWS ? Optional.empty() : parse(line.strip());
        if (row.isPresent()) {
            rows.add(row.get());
        } else if (line == null || !line.isBlank()) {
            skipped++;
        }
    }

    private Optional<Row> parse(String line) {
        String[] head = line.split(",", 4);
        if (head.length != 4 || !head[2].matches("\\d{1,10}")) {
            return Optional.empty();
        }
        Optional<InetAddress> start = IpLiteral.parse(head[0]);
        Optional<InetAddress> end = IpLiteral.parse(head[1]);
        long asn = Long.parseLong(head[2]);
        if (start.isEmpty() || end.isEmpty() || asn > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        byte[] s = start.get().getAddress();
        byte[] e = end.get().getAddress();
        if (s.length != e.length || Arrays.compareUnsigned(e, s) < 0) {
            return Optional.empty();
        }
        String name = unquote(head[3]);
        if (name == null) {
            return Optional.empty();
        }
        int index = nameIndex.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
        return Optional.of(new Row(s, e, asn, index));
    }

    /** A CSV field, unquoted; null when its quotes do not close. */
    private static String unquote(String field) {
        if (!field.startsWith("\"")) {
            return field;
        }
        if (field.length() < 2 || !field.endsWith("\"")) {
            return null;
        }
        String inner = field.substring(1, field.length() - 1);
        return inner.replace("\"\"", "\"");
    }

    /** Sorts, drops overlapping rows and writes the table. */
    public Result write(OutputStream out) throws IOException {
        rows.sort(Comparator.<Row>comparingInt(r -> r.start().length).thenComparing(Row::start, Arrays::compareUnsigned));
        List<Row> kept = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Row last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && last.start().length == r.start().length && Arrays.compareUnsigned(r.start(), last.end()) <= 0) {
                skipped++;
            } else {
                kept.add(r);
            }
        }
        int v4 = (int) kept.stream().filter(r -> r.start().length == 4).count();
        DataOutputStream data = new DataOutputStream(out);
        data.write(AsnTable.MAGIC);
        data.writeInt(v4);
        data.writeInt(kept.size() - v4);
        data.writeInt(names.size());
        for (Row r : kept) {
            data.write(r.start());
            data.write(r.end());
            data.writeInt((int) r.asn());
            data.writeInt(r.name());
        }
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        data.writeInt(0);
        for (String name : names) {
            strings.write(name.getBytes(StandardCharsets.UTF_8));
            data.writeInt(strings.size());
        }
        strings.writeTo(data);
        data.flush();
        return new Result(kept.size(), names.size(), skipped);
    }
}

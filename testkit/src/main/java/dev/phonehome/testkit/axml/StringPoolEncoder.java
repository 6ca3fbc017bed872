package dev.phonehome.testkit.axml;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes a {@code ResStringPool} body (everything after the common 8-byte chunk header). */
final class StringPoolEncoder {
    private static final int HEADER_SIZE = 28;
    private static final int UTF8_FLAG = 0x100;

    private StringPoolEncoder() {
    }

    static byte[] encode(List<String> strings, boolean utf8) {
        AxmlWriter.Chunks data = new AxmlWriter.Chunks();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            String s = strings.get(i);
            if (utf8) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                length8(data, s.length());
                length8(data, b.length);
                data.raw(b).u8(0);
            } else {
                if (s.length() > 0x7FFF) {
                    data.u16(0x8000 | (s.length() >>> 16)).u16(s.length());
                } else {
                    data.u16(s.length());
                }
                for (char c : s.toCharArray()) {
                    data.u16(c);
                }
                data.u16(0);
            }
        }
        while (data.size() % 4 != 0) {
            data.u8(0);
        }
        AxmlWriter.Chunks pool = new AxmlWriter.Chunks();
        pool.u32(strings.size()).u32(0).u32(utf8 ? UTF8_FLAG : 0).u32(HEADER_SIZE + 4 * strings.size()).u32(0);
        for (int offset : offsets) {
            pool.u32(offset);
        }
        return pool.raw(data.bytes()).bytes();
    }

    private static void length8(AxmlWriter.Chunks out, int length) {
        if (length > 0x7F) {
            out.u8(0x80 | (length >>> 8));
        }
        out.u8(length);
    }
}

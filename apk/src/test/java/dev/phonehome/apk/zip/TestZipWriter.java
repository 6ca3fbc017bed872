package dev.phonehome.apk.zip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIPs byte by byte so tests can forge what ZipOutputStream refuses to: lying local headers,
 * unknown methods, wrong counts, ZIP64 records, prepended data, fake EOCDs in comments.
 */
final class TestZipWriter {
    /** One entry; every field is what gets written, so tests make them disagree on purpose. */
    static final class Entry {
        byte[] name;
        byte[] localName;
        byte[] payload;
        int method;
        int localMethod;
        int flags;
        long crc;
        long compressedSize;
        long uncompressedSize;
        long localCompressedSize;
        long localUncompressedSize;
        byte[] localExtra = new byte[0];
        boolean zip64;
        /** Declare this entry's local header at another entry's, for overlap tests. */
        Entry sameLocalHeaderAs;
        long writtenAt;

        Entry method(int m) {
            method = m;
            localMethod = m;
            return this;
        }

        Entry flags(int f) {
            flags = f;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private byte[] comment = new byte[0];
    private Integer declaredCount;
    private Long declaredCdOffset;
    private Long declaredCdSize;
    private boolean zip64;

    static Entry stored(String name, byte[] data) {
        return stored(name.getBytes(StandardCharsets.UTF_8), data);
    }

    static Entry stored(byte[] name, byte[] data) {
        Entry e = new Entry();
        e.name = name;
        e.localName = name;
        e.payload = data;
        e.crc = crc(data);
        e.compressedSize = e.uncompressedSize = e.localCompressedSize = e.localUncompressedSize = data.length;
        return e;
    }

    static Entry deflated(String name, byte[] data) {
        Entry e = stored(name, deflate(data));
        e.method(8);
        e.crc = crc(data);
        e.uncompressedSize = e.localUncompressedSize = data.length;
        return e;
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    TestZipWriter add(Entry e) {
        entries.add(e);
        return this;
    }

    TestZipWriter prefix(byte[] p) {
        prefix = p;
        return this;
    }

    TestZipWriter comment(byte[] c) {
        comment = c;
        return this;
    }

    TestZipWriter declaredCount(int n) {
        declaredCount = n;
        return this;
    }

    TestZipWriter declaredCdOffset(long offset) {
        declaredCdOffset = offset;
        return this;
    }

    TestZipWriter declaredCdSize(long size) {
        declaredCdSize = size;
        return this;
    }

    TestZipWriter zip64() {
        zip64 = true;
        return this;
    }

    byte[] build() {
        Out out = new Out();
        out.bytes(prefix);
        for (Entry e : entries) {
            e.writtenAt = out.size() - prefix.length;
            out.u32(0x04034b50).u16(20).u16(e.flags).u16(e.localMethod).u32(0)
                    .u32((e.flags & 8) != 0 ? 0 : e.crc)
                    .u32(e.localCompressedSize).u32(e.localUncompressedSize)
                    .u16(e.localName.length).u16(e.localExtra.length).bytes(e.localName).bytes(e.localExtra)
                    .bytes(e.payload);
            if ((e.flags & 8) != 0) {
                out.u32(0x08074b50).u32(e.crc).u32(e.compressedSize).u32(e.uncompressedSize);
            }
        }
        long cdStart = out.size() - prefix.length;
        for (Entry e : entries) {
            long lho = e.sameLocalHeaderAs != null ? e.sameLocalHeaderAs.writtenAt : e.writtenAt;
            byte[] extra = e.zip64 ? new Out().u16(1).u16(24).u64(e.uncompressedSize).u64(e.compressedSize)
                    .u64(lho).toByteArray() : new byte[0];
            long big = 0xFFFFFFFFL;
            out.u32(0x02014b50).u16(20).u16(20).u16(e.flags).u16(e.method).u32(0).u32(e.crc)
                    .u32(e.zip64 ? big : e.compressedSize).u32(e.zip64 ? big : e.uncompressedSize)
                    .u16(e.name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0)
                    .u32(e.zip64 ? big : lho).bytes(e.name).bytes(extra);
        }
        long cdSize = declaredCdSize != null ? declaredCdSize : out.size() - prefix.length - cdStart;
        long cdOffset = declaredCdOffset != null ? declaredCdOffset : cdStart;
        int count = declaredCount != null ? declaredCount : entries.size();
        if (zip64) {
            long record = out.size() - prefix.length;
            out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize)
                    .u64(cdOffset);
            out.u32(0x07064b50).u32(0).u64(record).u32(1);
            out.u32(0x06054b50).u16(0).u16(0).u16(0xFFFF).u16(0xFFFF).u32(0xFFFFFFFFL).u32(0xFFFFFFFFL);
        } else {
            out.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(cdSize).u32(cdOffset);
        }
        out.u16(comment.length).bytes(comment);
        return out.toByteArray();
    }

    /** A 22-byte EOCD record, for hiding a fake one in a comment. */
    static byte[] eocd(int count, long cdSize, long cdOffset, int commentLength) {
        return new Out().u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(cdSize).u32(cdOffset)
                .u16(commentLength).toByteArray();
    }

    private static final class Out extends ByteArrayOutputStream {
        Out u16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Out u32(long v) {
            return u16((int) (v & 0xFFFF)).u16((int) (v >>> 16 & 0xFFFF));
        }

        Out u64(long v) {
            return u32(v & 0xFFFFFFFFL).u32(v >>> 32);
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}

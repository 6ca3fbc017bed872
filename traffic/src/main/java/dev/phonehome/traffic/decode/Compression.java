package dev.phonehome.traffic.decode;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/** The compressions payloads use, how to recognise them and how to open them. */
enum Compression {
    GZIP("gzip"),
    ZLIB("zlib"),
    /** Raw deflate has no header: only an announcement names it. */
    DEFLATE("deflate"),
    /** Brotli has no magic number: only an announcement names it. */
    BROTLI("br"),
    ZSTD("zstd");

    private final String layer;

    Compression(String layer) {
        this.layer = layer;
    }

    String layer() {
        return layer;
    }

    /** The compression whose magic number starts {@code b}. */
    static Optional<Compression> detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b && b[2] == 8) {
            return Optional.of(GZIP);
        }
        if (b.length >= 2 && zlibHeader(b[0] & 0xff, b[1] & 0xff)) {
            return Optional.of(ZLIB);
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f
                && (b[3] & 0xff) == 0xfd) {
            return Optional.of(ZSTD);
        }
        return Optional.empty();
    }

    /** RFC 1950: deflate method, window at most 32 KiB, no preset dictionary, header check divisible by 31. */
    private static boolean zlibHeader(int cmf, int flg) {
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (flg & 0x20) == 0 && ((cmf << 8) | flg) % 31 == 0;
    }

    /** Whether an announced coding ({@link Hints#compression()}) names this compression for these bytes. */
    boolean announced(String coding, byte[] b) {
        return switch (coding) {
            case "gzip", "x-gzip" -> this == GZIP;
            case "deflate" -> this == (b.length >= 2 && zlibHeader(b[0] & 0xff, b[1] & 0xff) ? ZLIB : DEFLATE);
            case "br" -> this == BROTLI;
            case "zstd" -> this == ZSTD;
            default -> false;
        };
    }

    InputStream open(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(in);
            case ZLIB -> new InflaterInputStream(in, new Inflater(false));
            case DEFLATE -> new InflaterInputStream(in, new Inflater(true));
            case BROTLI -> new BrotliInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
        };
    }
}

package dev.phonehome.traffic.flow;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Tells a HAR (JSON, possibly gzip-compressed) from a packet capture by its first meaningful byte. */
final class CaptureSniffer {
    /** Leading whitespace tolerated before the HAR's opening brace. */
    private static final int MAX_LEADING_BYTES = 4096;
    private static final int UTF8_BOM_FIRST = 0xEF;

    private CaptureSniffer() {
    }

    static boolean isHar(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return startsWithBrace(in);
            } catch (ZipException | EOFException e) {
                return false; // damaged gzip: let the capture reader name the damage
            }
        }
    }

    private static boolean startsWithBrace(InputStream in) throws IOException {
        for (int i = 0; i < MAX_LEADING_BYTES; i++) {
            int b = in.read();
            if (b == '{') {
                return true;
            }
            if (b < 0 || !(Character.isWhitespace(b) || b == UTF8_BOM_FIRST || b == 0xBB || b == 0xBF)) {
                return false;
            }
        }
        return false;
    }
}

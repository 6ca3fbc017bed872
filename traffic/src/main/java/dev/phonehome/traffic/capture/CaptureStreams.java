package dev.phonehome.traffic.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** What every capture reader does with its bytes before parsing them: open the file, undo gzip. */
final class CaptureStreams {
    static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC = 0x1f8b;

    /** A reader made from a stream it then owns. */
    interface Opener<R> {
        R open(InputStream in, String subject) throws IOException, CaptureFormatException;
    }

    private CaptureStreams() {
    }

    /** {@code opener} on the file, named by its file name; the file is closed again if the opener refuses it. */
    static <R> R open(Path file, Opener<R> opener) throws IOException, CaptureFormatException {
        InputStream in = Files.newInputStream(file);
        try {
            return opener.open(in, file.getFileName().toString());
        } catch (IOException | CaptureFormatException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** {@code in} buffered, and decompressed when it starts with the gzip magic number. */
    static InputStream gunzipped(InputStream in, String subject) throws IOException, CaptureFormatException {
        BufferedInputStream b = new BufferedInputStream(in, BUFFER_BYTES);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (((b0 << 8) | b1) != GZIP_MAGIC) {
            return b;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(b, BUFFER_BYTES), BUFFER_BYTES);
        } catch (ZipException | EOFException e) {
            throw new CaptureFormatException("gzip header of " + subject, 0, e.getMessage(), e);
        }
    }
}

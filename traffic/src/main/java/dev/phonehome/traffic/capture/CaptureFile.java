package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens a pcap or pcapng capture, gzip-compressed or not, choosing the reader by magic number. */
public final class CaptureFile {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC = 0x1f8b;

    private CaptureFile() {
    }

    public static CaptureReader open(Path file) throws IOException, CaptureFormatException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, file.getFileName().toString());
        } catch (IOException | CaptureFormatException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads from {@code in} (closed with the reader); {@code subject} names the capture in problems. */
    public static CaptureReader open(InputStream in, String subject) throws IOException, CaptureFormatException {
        InputStream source = decompressed(new BufferedInputStream(in, BUFFER_BYTES), subject);
        ProblemLog problems = new ProblemLog("capture");
        CaptureInput input = new CaptureInput(source, problems, subject);
        byte[] magic = new byte[4];
        int n = input.read(magic, 0, 4);
        if (n < 4) {
            throw new CaptureFormatException("capture file " + subject, 0, "needs 4 bytes of magic, remaining " + n);
        }
        if (PcapReader.magicOrder(magic) != null) {
            return PcapReader.open(input, problems, magic);
        }
        if (ByteBuffer.wrap(magic).getInt() == PcapngReader.SHB) {
            return new PcapngReader(input, problems, magic);
        }
        throw new CaptureFormatException("capture file " + subject, 0, String.format(
                "magic %02x %02x %02x %02x is neither pcap nor pcapng", magic[0], magic[1], magic[2], magic[3]));
    }

    private static InputStream decompressed(BufferedInputStream in, String subject)
            throws IOException, CaptureFormatException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (((b0 << 8) | b1) != GZIP_MAGIC) {
            return in;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES);
        } catch (ZipException | EOFException e) {
            throw new CaptureFormatException("gzip header of " + subject, 0, e.getMessage(), e);
        }
    }
}

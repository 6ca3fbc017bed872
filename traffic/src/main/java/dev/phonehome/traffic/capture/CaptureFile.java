package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Opens a pcap or pcapng capture, gzip-compressed or not, choosing the reader by magic number. */
public final class CaptureFile {
    private CaptureFile() {
    }

    public static CaptureReader open(Path file) throws IOException, CaptureFormatException {
        return CaptureStreams.open(file, CaptureFile::open);
    }

    /** Reads from {@code in} (closed with the reader); {@code subject} names the capture in problems. */
    public static CaptureReader open(InputStream in, String subject) throws IOException, CaptureFormatException {
        InputStream source = CaptureStreams.gunzipped(in, subject);
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
}

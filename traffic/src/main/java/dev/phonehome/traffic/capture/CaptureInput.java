package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A forward-only byte source that knows its offset. A damaged gzip stream reads as the end of
 * the input, with a {@code capture.compression-damaged} problem, so that a truncated
 * {@code .pcap.gz} yields the packets before the damage.
 */
final class CaptureInput implements AutoCloseable {
    private final InputStream in;
    private final ProblemLog problems;
    private final String subject;
    private long offset;
    private boolean ended;

    CaptureInput(InputStream in, ProblemLog problems, String subject) {
        this.in = in;
        this.problems = problems;
        this.subject = subject;
    }

    /** Reads up to {@code len} bytes, fewer only at the end of the input; returns the count. */
    int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len && !ended) {
            int r;
            try {
                r = in.read(b, off + n, len - n);
            } catch (ZipException | EOFException e) {
                problems.add("capture.compression-damaged", subject,
                        "compressed stream unreadable after offset " + (offset + n) + ": " + e.getMessage());
                r = -1;
            }
            if (r < 0) {
                ended = true;
            } else {
                n += r;
            }
        }
        offset += n;
        return n;
    }

    /** Skips up to {@code n} bytes, fewer only at the end of the input; returns the count. */
    long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r == 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    long offset() {
        return offset;
    }

    String subject() {
        return subject;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package dev.phonehome.traffic.http;

import dev.phonehome.testkit.capture.CaptureWriter;
import java.io.ByteArrayOutputStream;

/**
 * A gzip body that inflates to 1 GiB of zeros: one 16 MiB member repeated 64 times (RFC 1952
 * allows concatenated members), so the test does not spend its time compressing.
 */
final class GzipBomb {
    static final long INFLATED = 1L << 30;
    private static final int MEMBER = 16 * 1024 * 1024;
    private static byte[] bytes;

    private GzipBomb() {
    }

    static synchronized byte[] oneGibibyte() {
        if (bytes == null) {
            byte[] member = CaptureWriter.gzip(new byte[MEMBER]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long i = 0; i < INFLATED / MEMBER; i++) {
                out.write(member, 0, member.length);
            }
            bytes = out.toByteArray();
        }
        return bytes;
    }
}

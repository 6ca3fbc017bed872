package dev.phonehome.traffic.capture;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the packets of a capture file, one at a time; memory does not depend on the size of
 * the capture. Structural damage is recorded as {@link #problems()}: reading stops at the
 * damage (or skips a damaged block when the format allows) and what was read stays valid.
 */
public interface CaptureReader extends AutoCloseable {
    /** The next packet, or empty at the end of the capture (or at unrecoverable damage). */
    Optional<Packet> next() throws IOException;

    /** Problems met so far, in order. */
    List<Problem> problems();

    /** TLS secrets embedded in the capture so far (pcapng Decryption Secrets Blocks). */
    KeyLog embeddedKeyLog();

    /**
     * The embedded secret for {@code label} of the session with {@code clientRandom}, as far as
     * the capture has been read; a lookup costs the same however many secrets came before.
     */
    default Optional<byte[]> embeddedSecret(String label, byte[] clientRandom) {
        return embeddedKeyLog().secret(label, clientRandom);
    }

    /** Android UID → package name as recorded so far (PCAPdroid), sorted by UID. */
    Map<Integer, String> uidToPackage();

    @Override
    void close() throws IOException;
}

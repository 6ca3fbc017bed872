package dev.phonehome.traffic.http;

/**
 * Resource limits that keep the engine bounded on hostile captures.
 *
 * @param maxHeaderSectionBytes HTTP/1.x start line plus headers, and HTTP/2 decoded header list size
 * @param maxHeaderCount        header fields per message
 * @param maxChunkLineBytes     one chunk-size line including extensions
 * @param maxBodyCaptureBytes   wire bytes kept per body (the rest is counted)
 * @param maxDecodedBytes       output of content decoding per body
 * @param maxDecodeRatio        output bytes allowed per encoded byte (beyond a 1 MiB floor)
 * @param maxHeaderBlockBytes   HTTP/2 header block fragments (HEADERS + CONTINUATION) per block
 * @param maxOpenStreams        HTTP/2 streams tracked at once
 * @param maxPendingRequests    pipelined HTTP/1.x requests waiting for a response
 * @param maxConnectionBodyBytes body bytes kept in memory at once across a connection's open messages
 */
public record HttpLimits(int maxHeaderSectionBytes, int maxHeaderCount, int maxChunkLineBytes,
                         int maxBodyCaptureBytes, int maxDecodedBytes, int maxDecodeRatio,
                         int maxHeaderBlockBytes, int maxOpenStreams, int maxPendingRequests,
                         long maxConnectionBodyBytes) {
    public static final HttpLimits DEFAULT = new HttpLimits(
            64 * 1024, 256, 4 * 1024,
            8 * 1024 * 1024, 16 * 1024 * 1024, 1_000,
            256 * 1024, 512, 256,
            64L * 1024 * 1024);

    /** Decoded bytes allowed for {@code encodedLength} input bytes. */
    long decodeBudget(long encodedLength) {
        long floor = 1024 * 1024;
        return Math.min(maxDecodedBytes, Math.max(floor, encodedLength * maxDecodeRatio));
    }
}

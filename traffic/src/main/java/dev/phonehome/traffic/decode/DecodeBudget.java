package dev.phonehome.traffic.decode;

/**
 * Limits on the work spent on one request, so an adversarial payload (a compression bomb, base64
 * nested a thousand times, a million tiny JSON values) costs bounded time and memory.
 *
 * @param maxDepth        decoding layers applied on the way to any leaf
 * @param maxDecodedBytes bytes produced by all decoders together
 * @param maxLeaves       values reported
 */
public record DecodeBudget(int maxDepth, long maxDecodedBytes, int maxLeaves) {
    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final long DEFAULT_MAX_DECODED_BYTES = 8L << 20;
    public static final int DEFAULT_MAX_LEAVES = 20_000;

    public static final DecodeBudget DEFAULT =
            new DecodeBudget(DEFAULT_MAX_DEPTH, DEFAULT_MAX_DECODED_BYTES, DEFAULT_MAX_LEAVES);

    public DecodeBudget {
        if (maxDepth < 0 || maxDecodedBytes < 0 || maxLeaves < 1) {
            throw new IllegalArgumentException("budget must be non-negative with at least one leaf: " + maxDepth
                    + ", " + maxDecodedBytes + ", " + maxLeaves);
        }
    }
}

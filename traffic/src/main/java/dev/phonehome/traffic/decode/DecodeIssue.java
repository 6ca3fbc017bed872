package dev.phonehome.traffic.decode;

import dev.phonehome.core.Problem;

/** Coded problems of the payload decoders; the subject of each is the path of the value concerned. */
public enum DecodeIssue {
    /** A decoder accepted the value in its probe but could not decode it; the value is kept as it was. */
    FAILED("decode.failed"),
    /** The value is still encoded but {@link DecodeBudget#maxDepth()} layers were already applied. */
    DEPTH_BUDGET("decode.budget.depth"),
    /** Decoding the value would exceed {@link DecodeBudget#maxDecodedBytes()}; the value is kept encoded. */
    BYTES_BUDGET("decode.budget.bytes"),
    /** {@link DecodeBudget#maxLeaves()} values were reported; the rest of the request is not. */
    LEAVES_BUDGET("decode.budget.leaves");

    private final String code;

    DecodeIssue(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    Problem problem(String path, String message) {
        return new Problem(code, path, message);
    }

    static boolean isBudget(String code) {
        return code.startsWith("decode.budget.");
    }
}

package dev.phonehome.core.io;

/**
 * A structural error in an input file. Each binary format has its own subclass so callers
 * can tell which parser refused the bytes; every instance names the structure and the byte
 * offset where the problem was found.
 */
public class FormatException extends Exception {
    private final String structure;
    private final long offset;

    public FormatException(String structure, long offset, String message) {
        super(structure + " at offset " + offset + ": " + message);
        this.structure = structure;
        this.offset = offset;
    }

    public FormatException(String structure, long offset, String message, Throwable cause) {
        super(structure + " at offset " + offset + ": " + message, cause);
        this.structure = structure;
        this.offset = offset;
    }

    /** The structure being read, e.g. {@code "ZIP central directory"} or {@code "DEX header"}. */
    public String structure() {
        return structure;
    }

    /** Absolute byte offset in the file (or buffer) where the problem was detected. */
    public long offset() {
        return offset;
    }
}

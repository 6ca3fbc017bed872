package dev.phonehome.core.kb;

/**
 * A knowledge-base file is malformed. Knowledge files ship with phonehome, so a bad one is a
 * bug of ours: loading stops at once and the message names the file and the entry.
 */
public final class KnowledgeBaseException extends RuntimeException {
    private final String file;
    private final String entry;

    public KnowledgeBaseException(String file, String entry, String message) {
        super(file + ": " + entry + ": " + message);
        this.file = file;
        this.entry = entry;
    }

    public KnowledgeBaseException(String file, String entry, String message, Throwable cause) {
        super(file + ": " + entry + ": " + message, cause);
        this.file = file;
        this.entry = entry;
    }

    /** Resource name of the offending file, e.g. {@code kb/trackers.json}. */
    public String file() {
        return file;
    }

    /** The offending entry, e.g. {@code tracker 'umeng'}, or {@code header}. */
    public String entry() {
        return entry;
    }
}

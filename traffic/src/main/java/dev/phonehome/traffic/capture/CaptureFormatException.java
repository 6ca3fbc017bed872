package dev.phonehome.traffic.capture;

import dev.phonehome.core.io.FormatException;

/** A capture file (pcap, pcapng, HAR) whose structure cannot be read at all. */
public final class CaptureFormatException extends FormatException {
    public CaptureFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    public CaptureFormatException(String structure, long offset, String message, Throwable cause) {
        super(structure, offset, message, cause);
    }
}

package dev.phonehome.traffic.net;

import dev.phonehome.core.io.FormatException;

/** A link-layer, IP, TCP, UDP or DNS header that cannot be decoded. */
public final class PacketFormatException extends FormatException {
    public PacketFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }
}

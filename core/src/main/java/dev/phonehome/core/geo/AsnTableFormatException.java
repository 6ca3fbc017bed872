package dev.phonehome.core.geo;

import dev.phonehome.core.io.FormatException;

/** A compact ASN table that is not what {@link AsnTableWriter} writes. */
public final class AsnTableFormatException extends FormatException {
    public AsnTableFormatException(long offset, String message) {
        super("ASN table", offset, message);
    }
}

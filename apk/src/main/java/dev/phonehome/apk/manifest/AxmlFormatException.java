package dev.phonehome.apk.manifest;

import dev.phonehome.apk.resources.FormatMessages;
import dev.phonehome.core.io.FormatException;

/** Binary XML (Android's compiled XML, e.g. AndroidManifest.xml) that cannot be read at all. */
public final class AxmlFormatException extends FormatException {
    public AxmlFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    static AxmlFormatException wrap(FormatException e) {
        AxmlFormatException wrapped = new AxmlFormatException(e.structure(), e.offset(), FormatMessages.detail(e));
        wrapped.initCause(e);
        return wrapped;
    }
}

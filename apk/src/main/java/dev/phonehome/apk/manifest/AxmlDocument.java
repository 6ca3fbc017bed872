package dev.phonehome.apk.manifest;

import dev.phonehome.core.Problem;
import java.util.List;

/**
 * A decoded binary XML document: its root element and the problems met while decoding.
 * A document with problems is partial: what Android would read may differ.
 */
public record AxmlDocument(XmlElement root, List<Problem> problems) {
    public AxmlDocument {
        problems = List.copyOf(problems);
    }
}

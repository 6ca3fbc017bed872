package dev.phonehome.core.kb;

import java.util.List;

/**
 * Top-level provenance of a knowledge file: the sources its entries refer to and how the file
 * was made.
 *
 * @param sources     declared sources, referenced by id from entries
 * @param generatedBy the tool that wrote the file, or {@code "hand-curated"}
 */
public record FileProvenance(List<SourceDescription> sources, String generatedBy) {
    public FileProvenance {
        sources = sources == null ? null : List.copyOf(sources);
    }
}

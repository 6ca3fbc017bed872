package dev.phonehome.core.kb;

/**
 * Where one knowledge entry comes from.
 *
 * @param source     id of a source declared in the file's top-level {@code provenance.sources}
 * @param ref        the entry's key inside that source (e.g. an Exodus tracker id), or null
 * @param date       ISO date of the source snapshot the entry was taken from
 * @param confidence confidence given by the source or the maintainers; null when the source gives none
 * @param note       short qualification, or null
 */
public record Provenance(String source, String ref, String date, Confidence confidence, String note) {
}

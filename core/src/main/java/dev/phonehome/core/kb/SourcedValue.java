package dev.phonehome.core.kb;

/**
 * One signature or fact (a prefix, a domain, a component name...) with the source that states it.
 *
 * @param value      the fact itself
 * @param source     id of a source declared in the file's top-level provenance
 * @param confidence confidence given by the source; null when the source gives none
 * @param note       short qualification, or null
 */
public record SourcedValue(String value, String source, Confidence confidence, String note) {
}

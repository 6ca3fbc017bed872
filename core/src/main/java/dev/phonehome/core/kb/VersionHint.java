package dev.phonehome.core.kb;

/**
 * Where an SDK keeps its version string, so a detector can report which version is embedded.
 *
 * @param className  class holding the constant, Java dotted form
 * @param field      static field name, e.g. {@code VERSION}
 * @param source     id of a source declared in the file's provenance
 * @param confidence how sure the source is
 */
public record VersionHint(String className, String field, String source, Confidence confidence) {
}

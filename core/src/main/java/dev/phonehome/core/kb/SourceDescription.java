package dev.phonehome.core.kb;

/**
 * A source that a knowledge file draws on, declared once in the file's header.
 *
 * @param id       short key used by entries' {@code source} fields
 * @param title    what the source is
 * @param origin   where it can be found (repository and path, URL, Debian package...)
 * @param snapshot commit, package version or edition used, or null
 * @param date     ISO date of that snapshot
 * @param licence  licence or redistribution caveat, or null when none applies
 */
public record SourceDescription(String id, String title, String origin, String snapshot, String date,
                                String licence) {
}

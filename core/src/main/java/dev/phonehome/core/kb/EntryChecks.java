package dev.phonehome.core.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Validation helpers for the entries of one knowledge file. Every failure names the file and
 * the entry, so a contributor can find the line to fix.
 */
final class EntryChecks {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final String file;
    private final Set<String> sourceIds = new HashSet<>();

    EntryChecks(String file, KbDocument document) {
        this.file = file;
        for (SourceDescription source : document.provenance().sources()) {
            String entry = "source '" + source.id() + "'";
            text(source.id(), entry, "id");
            text(source.title(), entry, "title");
            text(source.origin(), entry, "origin");
            date(source.date(), entry, "date");
            require(sourceIds.add(source.id()), entry, "duplicate source id");
        }
    }

    KnowledgeBaseException fail(String entry, String message) {
        return new KnowledgeBaseException(file, entry, message);
    }

    void require(boolean ok, String entry, String message) {
        if (!ok) {
            throw fail(entry, message);
        }
    }

    String text(String value, String entry, String field) {
        require(value != null && !value.isBlank(), entry, field + " is missing");
        return value;
    }

    /** Null-safe membership check ({@code Set.of} sets throw on null). */
    void oneOf(String value, Set<String> allowed, String entry, String field) {
        if (value == null || !allowed.contains(value)) {
            throw fail(entry, field + " '" + value + "' is not one of " + new TreeSet<>(allowed));
        }
    }

    <T> List<T> nonEmpty(List<T> values, String entry, String field) {
        require(values != null && !values.isEmpty(), entry, field + " is missing or empty");
        return values;
    }

    void date(String value, String entry, String field) {
        text(value, entry, field);
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(entry, field + " '" + value + "' is not an ISO date");
        }
    }

    void country(String code, String entry, String field) {
        require(code == null || ISO_COUNTRIES.contains(code), entry,
                field + " '" + code + "' is not an ISO 3166-1 alpha-2 code");
    }

    void source(String source, String entry) {
        if (!declared(source)) {
            throw fail(entry, "source '" + source + "' is not declared in the file's provenance");
        }
    }

    private boolean declared(String source) {
        return source != null && sourceIds.contains(source);
    }

    void provenance(List<Provenance> provenance, String entry) {
        nonEmpty(provenance, entry, "provenance");
        for (Provenance p : provenance) {
            require(p != null, entry, "null provenance");
            source(p.source(), entry);
            date(p.date(), entry, "provenance date");
        }
    }

    /** Sourced values of one list: each with a value and a declared source, no value twice. */
    void sourced(Collection<SourcedValue> values, String entry, String field) {
        Set<String> seen = new HashSet<>();
        for (SourcedValue v : values) {
            require(v != null, entry, "null " + field);
            text(v.value(), entry, field);
            if (!declared(v.source())) {
                source(v.source(), entry + " " + field + " '" + v.value() + "'");
            }
            require(seen.add(v.value()), entry, field + " '" + v.value() + "' is listed twice");
        }
    }

    /**
     * Checks that every entry has an id and no id is used twice. Messages are built only on
     * failure: an entry's text is long, and building it for every entry slowed every start.
     */
    <T> void unique(Collection<T> entries, Function<T, String> id, String kind) {
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            require(entry != null, kind, "null entry");
            String key = id.apply(entry);
            if (key == null || key.isBlank()) {
                throw fail(kind + " " + entry, "id is missing");
            }
            require(seen.add(key), kind + " '" + key + "'", "duplicate id");
        }
    }
}

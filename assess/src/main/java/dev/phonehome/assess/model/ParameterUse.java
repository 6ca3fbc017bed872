package dev.phonehome.assess.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * A parameter sent to a destination, or passed by app code to an analytics SDK.
 *
 * @param source   {@code traffic} (seen in requests) or {@code static} (constant keys in app code)
 * @param name     the parameter's name: the last key of its path, or the static key
 * @param path     where it was found: a decoded payload path or the calling method
 * @param host     destination host (traffic)
 * @param app      the app sending it, when known
 * @param tracker  the SDK receiving it, when known
 * @param example  the first value seen, cut to 120 characters (traffic)
 * @param count    how many exchanges (or call sites) carry it
 */
public record ParameterUse(String source, String name, String path, Optional<String> host, Optional<String> app,
                           Optional<String> tracker, Optional<String> example, long count)
        implements Comparable<ParameterUse> {

    private static final Comparator<ParameterUse> ORDER = Comparator.comparing(ParameterUse::source)
            .thenComparing(p -> p.host().orElse(""))
            .thenComparing(p -> p.app().orElse(""))
            .thenComparing(p -> p.tracker().orElse(""))
            .thenComparing(ParameterUse::path)
            .thenComparing(ParameterUse::name);

    @Override
    public int compareTo(ParameterUse o) {
        return ORDER.compare(this, o);
    }
}

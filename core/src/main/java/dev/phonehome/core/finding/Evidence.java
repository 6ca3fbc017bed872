package dev.phonehome.core.finding;

import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence behind a finding, precise enough to cite: where it is and what it says.
 *
 * @param kind      what sort of evidence: {@code class}, {@code call}, {@code string}, {@code manifest},
 *                  {@code file}, {@code certificate}, {@code exchange}...
 * @param location  where: {@code classes2.dex Lcom/example/Sender;->send()V @0x1a},
 *                  {@code AndroidManifest.xml /manifest/application/receiver[2]}, {@code assets/list.txt}
 * @param detail    what it shows, e.g. the call target or the constant value
 * @param value     a machine-readable value when there is one (a URL, a number, a digest)
 */
public record Evidence(String kind, String location, String detail, Optional<String> value)
        implements Comparable<Evidence> {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(value, "value");
    }

    public static Evidence of(String kind, String location, String detail) {
        return new Evidence(kind, location, detail, Optional.empty());
    }

    public static Evidence of(String kind, String location, String detail, String value) {
        return new Evidence(kind, location, detail, Optional.ofNullable(value));
    }

    @Override
    public int compareTo(Evidence o) {
        int c = location.compareTo(o.location);
        if (c != 0) {
            return c;
        }
        c = kind.compareTo(o.kind);
        return c != 0 ? c : detail.compareTo(o.detail);
    }
}

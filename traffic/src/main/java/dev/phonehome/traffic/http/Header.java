package dev.phonehome.traffic.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One header field as sent: the name keeps its original case and lists keep the wire order,
 * because evidence must show what the phone actually transmitted.
 */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The first value of {@code name} (case-insensitive) in {@code headers}. */
    public static Optional<String> first(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name.equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** All values of {@code name} (case-insensitive), comma-joined as RFC 9110 allows for list fields. */
    public static Optional<String> joined(List<Header> headers, String name) {
        List<String> values = headers.stream().filter(h -> h.name.equalsIgnoreCase(name)).map(Header::value).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }
}

package dev.phonehome.traffic.decode;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Everything decoded from one request.
 *
 * @param values   leaves in document order: URL query first, then headers in wire order, then the body
 * @param layers   names of the decoders that were applied, in the order they were first applied
 * @param problems decoders that failed (their input is kept as a leaf) and budgets that were reached
 */
public record DecodedPayload(List<DecodedValue> values, List<String> layers, List<Problem> problems) {
    public DecodedPayload {
        values = List.copyOf(values);
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    /** The first value at exactly {@code path}. */
    public Optional<DecodedValue> at(String path) {
        return values.stream().filter(v -> v.path().equals(path)).findFirst();
    }

    /** False when a budget stopped decoding early, so some values are missing or left encoded. */
    public boolean complete() {
        return problems.stream().noneMatch(p -> DecodeIssue.isBudget(p.code()));
    }
}

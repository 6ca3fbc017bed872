package dev.phonehome.core.kb;

import java.util.List;

/**
 * A risky API that only means its capability for certain arguments: the argument at
 * {@code index} (0 = first parameter after the receiver) must be a constant equal to one of
 * {@code constants} or starting with one of {@code prefixes}.
 */
public record ArgumentCondition(Integer index, List<String> constants, List<String> prefixes) {
    public ArgumentCondition {
        constants = constants == null ? List.of() : List.copyOf(constants);
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }

    /** Whether a constant argument value satisfies the condition. */
    public boolean accepts(String constant) {
        return constant != null
                && (constants.contains(constant) || prefixes.stream().anyMatch(constant::startsWith));
    }
}

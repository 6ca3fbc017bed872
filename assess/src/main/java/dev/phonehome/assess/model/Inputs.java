package dev.phonehome.assess.model;

import java.util.List;
import java.util.Optional;

/**
 * What an assessment was made of.
 *
 * @param firmware      the firmware source as the scan names it, e.g. {@code directory sample-firmware}
 * @param captures      capture file names, in the order given
 * @param knowledgeBase {@code kb_version} of the knowledge base
 * @param rules         {@code rules_version} of the risk rules
 * @param asOf          ISO date transfer regimes are judged on: the first captured exchange's day,
 *                      else the knowledge base's date, never the clock (output stays reproducible)
 */
public record Inputs(Optional<String> firmware, List<String> captures, String knowledgeBase, String rules,
                     String asOf) {
    public Inputs {
        captures = List.copyOf(captures);
    }
}

package dev.phonehome.core.finding;

import dev.phonehome.core.Digests;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A statement about an app or a flow, with its evidence.
 *
 * @param rule         stable rule id, e.g. {@code tracker.sdk}, {@code capability.sms.send}
 * @param fingerprint  stable id of this finding: a digest of rule, subject and key, so two scans
 *                     of the same firmware can be diffed and a finding suppressed by id
 * @param subject      what it is about: an app's package name (or location), or a destination
 * @param title        one line a person reads, e.g. "Embeds Sensors Data analytics SDK 6.8.0"
 * @param severity     how much it matters
 * @param level        how far the evidence goes
 * @param attributes   machine-readable facts (tracker id, SDK version, capability, number...), sorted
 * @param evidence     the evidence, sorted, most precise first where it matters
 */
public record Finding(String rule, String fingerprint, String subject, String title, Severity severity,
        EvidenceLevel level, Map<String, String> attributes, List<Evidence> evidence) implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        attributes = new TreeMap<>(attributes);
        evidence = evidence.stream().sorted().toList();
    }

    /**
     * A finding whose fingerprint is derived from {@code rule}, {@code subject} and {@code key}:
     * the key is what makes two findings of the same rule on the same subject distinct (a
     * tracker id, a call target, a URL), never a volatile value such as a line number.
     */
    public static Finding of(String rule, String subject, String key, String title, Severity severity,
            EvidenceLevel level, Map<String, String> attributes, List<Evidence> evidence) {
        return new Finding(rule, fingerprint(rule, subject, key), subject, title, severity, level, attributes,
                evidence);
    }

    static String fingerprint(String rule, String subject, String key) {
        return Digests.sha256Hex(rule + '\n' + subject + '\n' + key, 10);
    }

    @Override
    public int compareTo(Finding o) {
        int c = o.severity.compareTo(severity);
        if (c != 0) {
            return c;
        }
        c = subject.compareTo(o.subject);
        if (c != 0) {
            return c;
        }
        c = rule.compareTo(o.rule);
        return c != 0 ? c : fingerprint.compareTo(o.fingerprint);
    }
}

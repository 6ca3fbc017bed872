package dev.phonehome.assess.register;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.yaml.SafeYaml;
import dev.phonehome.assess.yaml.YamlFileException;
import dev.phonehome.core.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suppression file: accepted risks, by rule id and fingerprint, each with a reason. A
 * suppressed risk stays in the register marked as such; an entry that matches no risk is a
 * {@code suppression.unused} problem, so stale entries are noticed.
 *
 * <pre>
 * suppressions:
 *   - id: PH-SEC-002
 *     fingerprint: 1a2b3c4d5e6f7a8b9c0d
 *     reason: "The receiver checks the sender's signature (ticket 42)."
 * </pre>
 */
public final class Suppressions {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{20}");
    private static final Set<String> KEYS = Set.of("id", "fingerprint", "reason");

    private final Map<String, Suppression> byKey;
    private final String subject;

    private Suppressions(List<Suppression> entries, String subject) {
        this.byKey = new HashMap<>();
        entries.forEach(s -> byKey.put(key(s.id(), s.fingerprint()), s));
        this.subject = subject;
    }

    public static Suppressions none() {
        return new Suppressions(List.of(), "");
    }

    /**
     * Reads a suppression file (YAML or JSON).
     *
     * @throws YamlFileException when the file or an entry is unusable: a suppression file is
     *                           configuration, and half-applied it would hide or show the wrong risks
     */
    public static Suppressions read(Path file) {
        JsonNode root = SafeYaml.read(file);
        JsonNode list = root == null ? null : root.get("suppressions");
        if (list == null || !list.isArray()) {
            throw new YamlFileException(file, "expected a top-level 'suppressions' list");
        }
        List<Suppression> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "suppressions[" + i + "]";
            if (!e.isObject()) {
                throw new YamlFileException(file, where + " is not a mapping");
            }
            e.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw new YamlFileException(file, where + " has unknown key '" + k + "'");
                }
            });
            String id = text(file, e, "id", where);
            String fingerprint = text(file, e, "fingerprint", where);
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                throw new YamlFileException(file, where + ": fingerprint '" + fingerprint + "' is not 20 hex digits"
                        + (e.get("fingerprint").isNumber() ? " (it read as a number: quote it)" : ""));
            }
            String reason = text(file, e, "reason", where);
            if (!seen.add(key(id, fingerprint))) {
                throw new YamlFileException(file, where + ": " + id + " " + fingerprint + " is listed twice");
            }
            entries.add(new Suppression(id, fingerprint, reason));
        }
        return new Suppressions(entries, String.valueOf(file.getFileName()));
    }

    /** The register with accepted risks marked; {@code problems} receives unused entries. */
    public List<Risk> apply(List<Risk> risks, List<Problem> problems) {
        Set<String> used = new HashSet<>();
        List<Risk> out = new ArrayList<>();
        for (Risk r : risks) {
            Suppression s = byKey.get(key(r.id(), r.fingerprint()));
            if (s != null) {
                used.add(key(s.id(), s.fingerprint()));
                out.add(r.suppressed(s.reason()));
            } else {
                out.add(r);
            }
        }
        byKey.forEach((k, s) -> {
            if (!used.contains(k)) {
                problems.add(new Problem("suppression.unused", subject,
                        s.id() + " " + s.fingerprint() + " matches no risk of this assessment"));
            }
        });
        return out.stream().sorted().toList();
    }

    private static String key(String id, String fingerprint) {
        return id + ' ' + fingerprint;
    }

    private static String text(Path file, JsonNode e, String key, String where) {
        JsonNode v = e.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new YamlFileException(file, where + ": " + key + " is missing");
        }
        return v.asText().strip();
    }
}

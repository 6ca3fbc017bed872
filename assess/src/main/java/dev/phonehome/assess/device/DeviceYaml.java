package dev.phonehome.assess.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.assess.yaml.SafeYaml;
import dev.phonehome.assess.yaml.YamlFileException;
import dev.phonehome.core.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the description keys of a {@code device.yaml} (vendor, model, build, region, consent);
 * the identifier keys are the personal-data matcher's. A bad file or value is a coded problem
 * ({@code device.*}) and the assessment goes on without it.
 */
public final class DeviceYaml {
    private static final int MAX_CONSENT_KEYS = 100;
    private static final int MAX_TEXT = 200;

    /** What was read, and what was wrong. */
    public record Result(Optional<DeviceDescription> device, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private DeviceYaml() {
    }

    public static Result read(Path file) {
        String subject = String.valueOf(file.getFileName());
        JsonNode root;
        try {
            root = SafeYaml.read(file);
        } catch (YamlFileException e) {
            return new Result(Optional.empty(), List.of(new Problem("device.unreadable", subject, e.getMessage())));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return new Result(Optional.empty(),
                    List.of(new Problem("device.not-a-mapping", subject, "the file is not a mapping of keys to values")));
        }
        List<Problem> problems = new ArrayList<>();
        Optional<String> vendor = text(root, "vendor", subject, problems);
        Optional<String> model = text(root, "model", subject, problems);
        Optional<String> build = text(root, "build", subject, problems);
        Optional<String> region = text(root, "region", subject, problems);
        Map<String, Boolean> consent = consent(root.get("consent"), subject, problems);
        return new Result(Optional.of(new DeviceDescription(vendor, model, build, region, consent)), problems);
    }

    private static Optional<String> text(JsonNode root, String key, String subject, List<Problem> problems) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            problems.add(new Problem("device.bad-value", subject, key + " must be text, not " + v.getNodeType()));
            return Optional.empty();
        }
        String s = v.asText().strip();
        if (s.length() > MAX_TEXT) {
            problems.add(new Problem("device.bad-value", subject, key + " is " + s.length() + " characters, over " + MAX_TEXT));
            return Optional.empty();
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Map<String, Boolean> consent(JsonNode node, String subject, List<Problem> problems) {
        Map<String, Boolean> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(new Problem("device.bad-value", subject, "consent must map settings to true or false"));
            return out;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (out.size() == MAX_CONSENT_KEYS) {
                problems.add(new Problem("device.bad-value", subject, "consent has more than " + MAX_CONSENT_KEYS + " settings"));
                break;
            }
            JsonNode v = e.getValue();
            String text = v.isValueNode() ? v.asText() : "";
            if (v.isBoolean() || text.equals("true") || text.equals("false")) {
                out.put(e.getKey(), v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(text));
            } else {
                problems.add(new Problem("device.bad-value", subject,
                        "consent." + e.getKey() + " must be true or false"));
            }
        }
        return out;
    }
}

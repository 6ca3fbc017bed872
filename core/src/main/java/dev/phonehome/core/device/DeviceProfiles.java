package dev.phonehome.core.device;

import dev.phonehome.core.Problem;
import dev.phonehome.core.device.YamlNode.Fields;
import dev.phonehome.core.device.YamlNode.Items;
import dev.phonehome.core.device.YamlNode.Scalar;
import dev.phonehome.core.device.YamlNode.ScalarKind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code device.yaml} into a {@link DeviceProfile}. Structure errors (syntax, unknown or
 * repeated keys, wrong types, anchors and tags, size) throw {@link DeviceProfileException} naming
 * the file and key; identifiers that look wrong are kept and reported in
 * {@link DeviceProfile#warnings()}. Every key is optional; an empty file is an empty profile.
 */
public final class DeviceProfiles {
    /** Largest file read, in bytes. */
    public static final long MAX_BYTES = ProfileYaml.MAX_CHARS;

    private static final Set<String> KEYS = new TreeSet<>(List.of("vendor", "model", "build", "region", "consent",
            "imei", "imei2", "meid", "imsi", "iccid", "phone", "serial", "android_id", "advertising_id", "oaid",
            "wifi_mac", "bt_mac", "email", "accounts", "location", "honey"));

    private DeviceProfiles() {
    }

    /** Reads a UTF-8 {@code device.yaml}; errors name {@code file} as given. */
    public static DeviceProfile read(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DeviceProfileException(name, "file", size + " bytes; a device profile is at most "
                        + MAX_BYTES + " bytes");
            }
            try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                return parse(name, in);
            }
        } catch (DeviceProfileException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new DeviceProfileException(name, "file", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new DeviceProfileException(name, "file", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses profile text; {@code file} names it in errors and warnings. */
    public static DeviceProfile parse(String file, String yaml) {
        return parse(file, new StringReader(yaml));
    }

    private static DeviceProfile parse(String file, Reader in) {
        return new Reading(file, ProfileYaml.read(file, in)).profile();
    }

    /** The conversion of one file's keys. */
    private static final class Reading {
        private final String file;
        private final Map<String, YamlNode> keys;
        private final List<Problem> warnings = new ArrayList<>();
        private final IdentifierChecks checks;

        Reading(String file, Map<String, YamlNode> keys) {
            this.file = file;
            this.keys = keys;
            this.checks = new IdentifierChecks(file, warnings);
            for (String key : keys.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new DeviceProfileException(file, key, "is not a device profile key (line "
                            + keys.get(key).line() + "); the keys are " + String.join(", ", KEYS));
                }
            }
        }

        DeviceProfile profile() {
            List<String> imei = new ArrayList<>(identifiers("imei", PersonalDataType.IMEI));
            imei.addAll(identifier("imei2", PersonalDataType.IMEI).stream().toList());
            DeviceIdentifiers ids = new DeviceIdentifiers(imei,
                    identifier("meid", PersonalDataType.MEID),
                    identifier("imsi", PersonalDataType.IMSI),
                    identifier("iccid", PersonalDataType.ICCID),
                    identifier("phone", PersonalDataType.PHONE),
                    identifier("serial", PersonalDataType.SERIAL),
                    identifier("android_id", PersonalDataType.ANDROID_ID),
                    identifier("advertising_id", PersonalDataType.ADVERTISING_ID),
                    identifier("oaid", PersonalDataType.OAID),
                    identifier("wifi_mac", PersonalDataType.WIFI_MAC),
                    identifier("bt_mac", PersonalDataType.BT_MAC),
                    identifier("email", PersonalDataType.EMAIL),
                    identifiers("accounts", PersonalDataType.ACCOUNT),
                    location(),
                    identifiers("honey", PersonalDataType.HONEY));
            return new DeviceProfile(text("vendor"), text("model"), text("build"), text("region"), consent(), ids,
                    warnings);
        }

        private Optional<String> text(String key) {
            YamlNode node = keys.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!(node instanceof Scalar s)) {
                throw wrongType(key, node, "a single value");
            }
            return text(key, s);
        }

        private Optional<String> text(String key, Scalar s) {
            return switch (s.kind()) {
                case NULL -> Optional.empty();
                case BOOLEAN -> throw new DeviceProfileException(file, key, "must be text, found the boolean "
                        + s.text() + " (line " + s.line() + "); quote it");
                default -> Optional.of(s.text().strip()).filter(t -> !t.isEmpty());
            };
        }

        private Optional<String> identifier(String key, PersonalDataType type) {
            return text(key).flatMap(v -> checks.check(type, key, v));
        }

        /** A key that takes one value or a list of values. */
        private List<String> identifiers(String key, PersonalDataType type) {
            YamlNode node = keys.get(key);
            if (node == null || node instanceof Scalar) {
                return identifier(key, type).stream().toList();
            }
            if (!(node instanceof Items items)) {
                throw wrongType(key, node, "a value or a list of values");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.items().size(); i++) {
                String itemKey = key + "[" + i + "]";
                text(itemKey, items.items().get(i)).flatMap(v -> checks.check(type, itemKey, v)).ifPresent(out::add);
            }
            return out;
        }

        private Map<String, Boolean> consent() {
            YamlNode node = keys.get("consent");
            if (node == null || node instanceof Scalar s && (s.kind() == ScalarKind.NULL || s.text().isBlank())) {
                return Map.of();
            }
            if (!(node instanceof Fields fields)) {
                throw wrongType("consent", node, "a mapping of setting names to true or false");
            }
            Map<String, Boolean> out = new LinkedHashMap<>();
            fields.fields().forEach((name, value) -> {
                if (value.kind() != ScalarKind.BOOLEAN) {
                    throw new DeviceProfileException(file, "consent." + name, "must be true or false, found \""
                            + value.text() + "\" (line " + value.line() + ")");
                }
                out.put(name, Boolean.parseBoolean(value.text().toLowerCase(Locale.ROOT)));
            });
            return out;
        }

        private Optional<GeoPoint> location() {
            return text("location").flatMap(v -> {
                try {
                    return Optional.of(GeoPoint.parse(v));
                } catch (IllegalArgumentException e) {
                    warnings.add(new Problem(IdentifierChecks.MALFORMED, file + ": location", "\"" + v
                            + "\" is not a location (" + e.getMessage() + "); it is not searched for"));
                    return Optional.empty();
                }
            });
        }

        private DeviceProfileException wrongType(String key, YamlNode node, String expected) {
            String found = node instanceof Items ? "a list" : node instanceof Fields ? "a mapping" : "a single value";
            return new DeviceProfileException(file, key, "must be " + expected + ", found " + found
                    + " (line " + node.line() + ")");
        }
    }
}

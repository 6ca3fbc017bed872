package dev.phonehome.core.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.phonehome.core.device.YamlNode.Fields;
import dev.phonehome.core.device.YamlNode.Items;
import dev.phonehome.core.device.YamlNode.Scalar;
import dev.phonehome.core.device.YamlNode.ScalarKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the top-level mapping of a {@code device.yaml} from SnakeYAML's events, never building
 * objects from tags. A profile needs no anchors, aliases, tags, several documents or nesting
 * beyond one level, so each is refused outright: that closes alias bombs and type-tag tricks
 * instead of merely limiting them.
 */
final class ProfileYaml {
    /** Largest profile read, in characters (a profile with thousands of honey values is far smaller). */
    static final int MAX_CHARS = 1 << 20;
    /** Most items of one list. */
    static final int MAX_ITEMS = 10_000;

    // Repeated keys are found by this reader, which names the key; Jackson's own check would not.
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String file;
    private final YAMLParser parser;

    private ProfileYaml(String file, YAMLParser parser) {
        this.file = file;
        this.parser = parser;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(4);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** The top-level keys and their values, in document order; empty for an empty document. */
    static Map<String, YamlNode> read(String file, Reader in) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(in)) {
            return new ProfileYaml(file, parser).document();
        } catch (JsonProcessingException e) {
            if (causedByEncoding(e)) {
                throw new DeviceProfileException(file, "file", "is not UTF-8 text", e);
            }
            throw new DeviceProfileException(file, "syntax", e.getOriginalMessage() + lineOf(e), e);
        } catch (IOException e) {
            throw new DeviceProfileException(file, "file", "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof DeviceProfileException) {
                throw e;
            }
            // SnakeYAML reports some limits (code points, nesting) as its own runtime exceptions.
            throw new DeviceProfileException(file, "syntax", e.getMessage(), e);
        }
    }

    private static boolean causedByEncoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private Map<String, YamlNode> document() throws IOException {
        JsonToken t = next("top level");
        if (t == null) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            throw error("top level", "must be a mapping of keys to values");
        }
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        while ((t = next("top level")) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (keys.containsKey(key)) {
                throw error(key, "appears twice");
            }
            keys.put(key, value(key));
        }
        if (next("top level") != null) {
            throw error("top level", "holds more than one YAML document");
        }
        return keys;
    }

    private YamlNode value(String key) throws IOException {
        JsonToken t = next(key);
        int line = line();
        if (t == JsonToken.START_ARRAY) {
            List<Scalar> items = new ArrayList<>();
            while ((t = next(key)) != JsonToken.END_ARRAY) {
                if (items.size() == MAX_ITEMS) {
                    throw error(key, "has more than " + MAX_ITEMS + " items");
                }
                items.add(scalar(key + "[" + items.size() + "]", t));
            }
            return new Items(items, line);
        }
        if (t == JsonToken.START_OBJECT) {
            Map<String, Scalar> fields = new LinkedHashMap<>();
            while (next(key) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (fields.containsKey(name) || fields.size() == MAX_ITEMS) {
                    throw error(key + "." + name, fields.containsKey(name) ? "appears twice" : "is one too many");
                }
                fields.put(name, scalar(key + "." + name, next(key)));
            }
            return new Fields(fields, line);
        }
        return scalar(key, t);
    }

    private Scalar scalar(String key, JsonToken t) throws IOException {
        ScalarKind kind = switch (t) {
            case VALUE_STRING -> ScalarKind.TEXT;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ScalarKind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> ScalarKind.BOOLEAN;
            case VALUE_NULL -> ScalarKind.NULL;
            default -> throw error(key, "must be a single value, found a nested "
                    + (t == JsonToken.START_ARRAY ? "list" : "mapping"));
        };
        return new Scalar(parser.getText(), kind, line());
    }

    /** The next token, refusing the YAML features a profile never needs. */
    private JsonToken next(String key) throws IOException {
        JsonToken t = parser.nextToken();
        if (parser.isCurrentAlias() || parser.getCurrentAnchor() != null) {
            throw error(key, "uses an anchor or alias (&, *), which device profiles do not allow");
        }
        if (t != null && t != JsonToken.FIELD_NAME && parser.getTypeId() != null) {
            throw error(key, "has the type tag " + parser.getTypeId() + ", which device profiles do not allow");
        }
        return t;
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private DeviceProfileException error(String key, String message) {
        return new DeviceProfileException(file, key, message + " (line " + line() + ")");
    }
}

package dev.phonehome.assess.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads small user-written YAML (or JSON) files into a tree, within limits that stop alias
 * bombs, deep nesting and huge files; no YAML tag ever constructs a Java object.
 */
public final class SafeYaml {
    /** Largest file read: device descriptions and suppression lists are a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = mapper();

    private SafeYaml() {
    }

    private static ObjectMapper mapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES).build())
                .build();
        return new YAMLMapper(factory);
    }

    /**
     * The document of {@code file} as a tree; an empty file reads as a missing node.
     *
     * @throws YamlFileException naming the file and what is wrong with it
     */
    public static JsonNode read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new YamlFileException(file, "unreadable: " + e.getMessage());
        }
        if (size > MAX_BYTES) {
            throw new YamlFileException(file, size + " bytes is over the limit of " + MAX_BYTES);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new YamlFileException(file, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its limits (aliases, depth, code points) as unchecked exceptions.
            throw new YamlFileException(file, "not valid YAML: " + e.getMessage());
        }
    }
}

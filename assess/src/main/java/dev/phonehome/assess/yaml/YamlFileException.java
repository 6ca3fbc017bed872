package dev.phonehome.assess.yaml;

import java.nio.file.Path;

/** A user-written YAML file cannot be used; the message names the file and the reason. */
public final class YamlFileException extends RuntimeException {
    private final transient Path file;

    public YamlFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

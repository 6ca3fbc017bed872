package dev.phonehome.core.device;

/**
 * A {@code device.yaml} that cannot be used: not YAML, too large, a YAML feature a profile never
 * needs (anchors, aliases, type tags), an unknown or repeated key, or a value of the wrong type.
 * The message names the file, the key and, where known, the line.
 */
public final class DeviceProfileException extends RuntimeException {
    private final String file;
    private final String key;

    public DeviceProfileException(String file, String key, String message) {
        super(file + ": " + key + ": " + message);
        this.file = file;
        this.key = key;
    }

    public DeviceProfileException(String file, String key, String message, Throwable cause) {
        super(file + ": " + key + ": " + message, cause);
        this.file = file;
        this.key = key;
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** The offending key, e.g. {@code imei}, or {@code syntax}/{@code file} when no key is concerned. */
    public String key() {
        return key;
    }
}

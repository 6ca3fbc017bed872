package dev.phonehome.traffic.adapter;

import java.util.Objects;

/**
 * A part of a request the SDK encrypted inside TLS: what it holds is unknown, never "no personal data".
 *
 * @param scheme the encryption scheme, e.g. {@code sensorsdata-gzip-9}, {@code xiaomi-onetrack}
 * @param path   where it sits: a decoded leaf's path, or {@code body} for a whole encrypted body
 * @param bytes  its size in bytes
 */
public record EncryptedPayload(String scheme, String path, long bytes) {
    public EncryptedPayload {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(path, "path");
    }
}

package dev.phonehome.apk.firmware;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One APK file found in a firmware source, ready to scan from a local file.
 *
 * @param location   where it was in the image, with forward slashes, relative to the source root
 * @param file       a readable local file with its bytes (the original, or a private temporary copy)
 * @param signature  the v4 signature file beside it ({@code .idsig}), when there is one
 */
public record ApkInput(String location, Path file, Optional<Path> signature) {

    public Partition partition() {
        return Partition.of(location);
    }

    public boolean privilegedFolder() {
        return Partition.isPrivilegedFolder(location);
    }
}

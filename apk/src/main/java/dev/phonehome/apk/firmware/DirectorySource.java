package dev.phonehome.apk.firmware;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A dumped image tree on disk. Symbolic links are not followed: a dump may contain links
 * that point outside it or form loops.
 */
final class DirectorySource implements FirmwareSource {
    private final Path root;
    private final List<ApkInput> apks;
    private final List<Problem> problems;

    private DirectorySource(Path root, List<ApkInput> apks, List<Problem> problems) {
        this.root = root;
        this.apks = List.copyOf(apks);
        this.problems = List.copyOf(problems);
    }

    static DirectorySource walk(Path root) throws IOException {
        List<ApkInput> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && ApkNames.isScannable(file.getFileName().toString())) {
                    try {
                        Path idsig = file.resolveSibling(file.getFileName() + ".idsig");
                        found.add(new ApkInput(relative(root, file), file,
                                Files.isRegularFile(idsig) ? Optional.of(idsig) : Optional.empty()));
                    } catch (InvalidPathException e) {
                        // A name the platform charset cannot encode (e.g. LC_ALL=C): lose this file, not the scan.
                        problems.add(new Problem("firmware.unreadable-name", relative(root, file), e.getMessage()));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(new Problem("firmware.unreadable", relative(root, file), String.valueOf(e.getMessage())));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(ApkInput::location));
        problems.sort(null);
        return new DirectorySource(root, found, problems);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public List<ApkInput> apks() {
        return apks;
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String describe() {
        return "directory " + root.getFileName();
    }

    @Override
    public void close() {
    }
}

package dev.phonehome.apk.firmware;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * APKs copied out of an archived dump (zip or tar) into a private temporary folder.
 *
 * <p>Member names from the archive are never used as file names: each copy gets a generated
 * name, so a hostile name such as {@code ../../etc/x.apk} cannot write outside the folder.
 * The archive's own path is kept only as the reported location.
 */
abstract class ExtractedSource implements FirmwareSource {
    /** An APK larger than this is reported, not copied; the largest real system APKs are a few hundred MB. */
    static final long MAX_APK_BYTES = 4L << 30;

    private final String description;
    private final Path tempDir;
    private final List<ApkInput> apks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    ExtractedSource(String description) throws IOException {
        this.description = description;
        this.tempDir = Files.createTempDirectory("phonehome-dump");
    }

    /** Copies one archive member; a member over the size cap or that fails to read becomes a problem. */
    final void copyMember(String location, InputStream in) {
        Path target = tempDir.resolve(String.format("%06d.apk", apks.size() + problems.size()));
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_APK_BYTES) {
                    throw new IOException("member larger than " + MAX_APK_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            apks.add(new ApkInput(location, target, Optional.empty()));
        } catch (IOException e) {
            problem("firmware.member-unreadable", location, String.valueOf(e.getMessage()));
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // The folder is removed whole on close.
            }
        }
    }

    final void problem(String code, String subject, String message) {
        problems.add(new Problem(code, subject, message));
    }

    /** Normalises an archive member name to a forward-slash location without leading slashes. */
    static String location(String memberName) {
        String s = memberName.replace('\\', '/');
        while (s.startsWith("/") || s.startsWith("./")) {
            s = s.startsWith("/") ? s.substring(1) : s.substring(2);
        }
        return s;
    }

    @Override
    public final List<ApkInput> apks() {
        List<ApkInput> sorted = new ArrayList<>(apks);
        sorted.sort(Comparator.comparing(ApkInput::location));
        return sorted;
    }

    @Override
    public final List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(null);
        return sorted;
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public final void close() throws IOException {
        Files.walkFileTree(tempDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

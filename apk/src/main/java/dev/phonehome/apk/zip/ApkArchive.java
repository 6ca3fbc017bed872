package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An APK (or any ZIP) read the way Android's installer reads it: from the central directory,
 * tolerating forged local headers, unknown methods, duplicate names, prepended data and comments,
 * and reading entry data within {@link ReadLimits}. Nothing is ever written to disk.
 *
 * <p>Structural oddities become sorted {@link #problems()}; only an archive without a usable end of
 * central directory fails to open. Reads are safe from several threads.
 */
public final class ApkArchive implements AutoCloseable {
    private static final String FILE_STRUCTURE = "ZIP file";
    /** First allocation when reading an entry; later growth follows the bytes actually inflated. */
    private static final int FIRST_CHUNK = 1 << 20;
    /** Largest Java array, for entries read whole. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String displayName;
    private final ByteBuffer bytes;
    private final ReadLimits limits;
    private final int depth;
    private final List<ArchiveEntry> entries;
    private final Map<String, ArchiveEntry> firstByName;
    private final List<Problem> problems;
    private final ReadBudget budget;
    private volatile boolean closed;

    private ApkArchive(String displayName, ByteBuffer bytes, ReadLimits limits, int depth, ReadBudget budget)
            throws ZipFormatException {
        this.displayName = displayName;
        this.bytes = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.limits = limits;
        this.depth = depth;
        this.budget = budget;
        List<Problem> found = new ArrayList<>();
        ByteCursor file = cursor();
        EndOfCentralDirectory eocd = EndOfCentralDirectory.locate(file, displayName, found);
        this.entries = List.copyOf(CentralDirectory.read(file, eocd, limits, displayName, found));
        this.firstByName = indexByName(entries, found);
        Overlaps.check(entries, eocd.centralDirectory(), found);
        this.problems = found.stream().sorted().toList();
    }

    /** Maps the file read-only. Files over 2 GiB are refused with {@code zip.too-large}. */
    public static ApkArchive open(Path file) throws IOException, ZipFormatException {
        return open(file, ReadLimits.DEFAULTS);
    }

    public static ApkArchive open(Path file, ReadLimits limits) throws IOException, ZipFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new ZipFormatException("zip.too-large", FILE_STRUCTURE, 0, file + " has " + size
                        + " bytes; at most " + Integer.MAX_VALUE + " can be mapped");
            }
            // The mapping outlives the channel and is released by the garbage collector.
            return new ApkArchive(file.toString(), channel.map(FileChannel.MapMode.READ_ONLY, 0, size), limits, 0,
                    new ReadBudget(limits.maxArchiveBytes()));
        }
    }

    /** An archive over the remaining bytes of {@code bytes} (not copied; the buffer is not modified). */
    public static ApkArchive of(String displayName, ByteBuffer bytes) throws ZipFormatException {
        return of(displayName, bytes, ReadLimits.DEFAULTS);
    }

    public static ApkArchive of(String displayName, ByteBuffer bytes, ReadLimits limits) throws ZipFormatException {
        return new ApkArchive(displayName, bytes, limits, 0, new ReadBudget(limits.maxArchiveBytes()));
    }

    /**
     * Opens an entry (a split APK in a bundle, an APK in assets) as an archive one level deeper,
     * named {@code outer!/inner}. Stored entries are viewed without copying; compressed ones are
     * read within the limits. Reads of the nested archive draw on this archive's budget, and
     * nesting beyond {@link ReadLimits#maxNestingDepth()} fails with {@code zip.nesting-too-deep}.
     */
    public ApkArchive openNested(ArchiveEntry entry) throws ZipFormatException {
        ArchiveEntry e = own(entry);
        if (depth + 1 > limits.maxNestingDepth()) {
            throw new ZipFormatException("zip.nesting-too-deep", e.structure(), e.localHeaderOffset(),
                    "archive at nesting depth " + (depth + 1) + ", limit " + limits.maxNestingDepth());
        }
        ByteBuffer inner = e.readAsStored() ? slice(e) : ByteBuffer.wrap(read(e));
        return new ApkArchive(displayName + "!/" + e.name(), inner, limits, depth + 1, budget);
    }

    public String displayName() {
        return displayName;
    }

    /** Entries in central-directory order, duplicates included. */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** The first entry with this name, as Android resolves duplicates. */
    public Optional<ArchiveEntry> find(String name) {
        return Optional.ofNullable(firstByName.get(name));
    }

    /** Sorted structural problems found while opening. */
    public List<Problem> problems() {
        return problems;
    }

    /** Archive size in bytes. */
    public long size() {
        return bytes.limit();
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Nesting level: 0 for a file or buffer given by the caller, 1 for an APK inside a bundle, ... */
    public int depth() {
        return depth;
    }

    /**
     * The entry's bytes, within the limits, with size and CRC checked; entries over 2 GiB must be
     * streamed. A CRC mismatch fails, as Android's installer fails on it; the exception's code lets
     * the caller record it and carry on with the other entries.
     */
    public byte[] read(ArchiveEntry entry) throws ZipFormatException {
        try (InputStream in = open(entry)) {
            if (entry.uncompressedSize() > MAX_ARRAY) {
                throw new ZipFormatException("zip.entry-too-large", entry.structure(), entry.dataOffset(),
                        "declares " + entry.uncompressedSize() + " bytes, more than an array holds; stream it with open");
            }
            return readDeclared(in, (int) entry.uncompressedSize());
        } catch (IOException e) {
            if (e.getCause() instanceof ZipFormatException z) {
                throw z;
            }
            throw new UncheckedIOException("in-memory entry stream failed", e);
        }
    }

    /**
     * Streams the entry's bytes. Reads throw {@link IOException}s whose cause is a coded
     * {@link ZipFormatException} when a limit is hit, the data is corrupt or the CRC is wrong.
     */
    public InputStream open(ArchiveEntry entry) throws ZipFormatException {
        return EntryInputStream.open(cursor(), own(entry), limits, budget);
    }

    /**
     * Zero-copy view of a stored entry's bytes (little-endian, read-only), e.g. for DEX. The CRC is not
     * checked; use {@link #read} when that matters. Compressed entries fail with {@code zip.not-stored}.
     */
    public ByteBuffer slice(ArchiveEntry entry) throws ZipFormatException {
        ArchiveEntry e = own(entry);
        if (!e.readAsStored()) {
            throw new ZipFormatException("zip.not-stored", e.structure(), e.localHeaderOffset(),
                    "compression method " + e.method() + " needs inflating; use read or open");
        }
        return EntryInputStream.data(cursor(), e).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Later reads fail with {@link IllegalStateException}; a file mapping is released by the garbage collector. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * Reads exactly {@code declared} bytes, growing the array as data actually arrives so a forged
     * size costs nothing; the final read lets the stream check for excess data and the CRC.
     */
    private static byte[] readDeclared(InputStream in, int declared) throws IOException {
        byte[] out = new byte[Math.min(declared, FIRST_CHUNK)];
        int filled = 0;
        while (filled < declared) {
            if (filled == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(declared, 2L * out.length));
            }
            int n = in.read(out, filled, out.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        // Short data already failed inside the stream; reading past the end makes it verify that
        // nothing follows and that the CRC matches.
        in.read();
        return out;
    }

    private ByteCursor cursor() {
        if (closed) {
            throw new IllegalStateException(displayName + " is closed");
        }
        return ByteCursor.over(bytes, FILE_STRUCTURE);
    }

    private ArchiveEntry own(ArchiveEntry entry) {
        int i = entry.index();
        if (i < 0 || i >= entries.size() || !entries.get(i).equals(entry)) {
            throw new IllegalArgumentException(entry + " does not belong to " + displayName);
        }
        return entries.get(i);
    }

    private static Map<String, ArchiveEntry> indexByName(List<ArchiveEntry> entries, List<Problem> problems) {
        Map<String, ArchiveEntry> first = new HashMap<>();
        for (ArchiveEntry e : entries) {
            ArchiveEntry earlier = first.putIfAbsent(e.name(), e);
            if (earlier != null) {
                problems.add(new Problem("zip.duplicate-name", e.name(), "entries " + earlier.index() + " and "
                        + e.index() + " share the name; the first wins, as on Android"));
            }
        }
        return first;
    }
}

package dev.phonehome.apk.zip;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams one entry's bytes, stored or inflated, never delivering more than the central directory
 * declares, and checking size and CRC at the end. Failures surface as {@link IOException}s whose
 * cause is a coded {@link ZipFormatException}.
 */
final class EntryInputStream extends InputStream {
    /** Inflate calls allowed without output nor input progress before the stream is deemed stuck. */
    private static final int MAX_STALLS = 16;

    private final ArchiveEntry entry;
    private final ByteBuffer data;
    private final Inflater inflater;
    private final ReadBudget budget;
    private final CRC32 crc = new CRC32();
    private long produced;
    private boolean done;

    private EntryInputStream(ArchiveEntry entry, ByteBuffer data, boolean inflate, ReadBudget budget) {
        this.entry = entry;
        this.data = data;
        this.budget = budget;
        if (inflate) {
            inflater = new Inflater(true);
            inflater.setInput(data);
        } else {
            inflater = null;
        }
    }

    /** Checks the entry against the limits before any byte is produced, so bombs fail fast. */
    static EntryInputStream open(ByteCursor file, ArchiveEntry e, ReadLimits limits, ReadBudget budget)
            throws ZipFormatException {
        String structure = e.structure();
        if (e.compressedSize() < 0 || e.uncompressedSize() < 0) {
            throw new ZipFormatException("zip.bad-size", structure, e.localHeaderOffset(),
                    "negative size: " + e.compressedSize() + " compressed, " + e.uncompressedSize() + " uncompressed");
        }
        if (!e.readAsStored() && e.method() != ArchiveEntry.DEFLATED) {
            throw new ZipFormatException("zip.unsupported-method", structure, e.localHeaderOffset(),
                    "compression method " + e.method() + " with differing sizes");
        }
        if (e.uncompressedSize() > limits.maxEntryBytes()) {
            throw new ZipFormatException("zip.entry-too-large", structure, e.dataOffset(), "declares "
                    + e.uncompressedSize() + " bytes, limit " + limits.maxEntryBytes());
        }
        if (!e.readAsStored() && e.uncompressedSize() > limits.maxOutputFor(e.compressedSize())) {
            throw new ZipFormatException("zip.ratio-exceeded", structure, e.dataOffset(), "declares "
                    + e.uncompressedSize() + " bytes from " + e.compressedSize() + " compressed, ratio limit 1:"
                    + limits.maxRatio());
        }
        return new EntryInputStream(e, data(file, e), !e.readAsStored(), budget);
    }

    /** The bytes the entry occupies in the archive, as located through its local header. */
    static ByteBuffer data(ByteCursor file, ArchiveEntry e) throws ZipFormatException {
        if (e.dataOffset() < 0) {
            throw new ZipFormatException("zip.bad-local-header", e.structure(), e.localHeaderOffset(),
                    "no usable local file header");
        }
        try {
            return file.sliceAt(e.dataOffset(), e.dataLength(), e.structure()).buffer();
        } catch (FormatException ex) {
            throw ZipFormatException.of("zip.truncated-entry", ex);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + b.length);
        }
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int wanted = (int) Math.min(len, entry.uncompressedSize() - produced + 1);
        int n = inflater == null ? copy(b, off, wanted) : inflate(b, off, wanted);
        if (n < 0) {
            finish();
            return -1;
        }
        accept(b, off, n);
        return n;
    }

    private int copy(byte[] b, int off, int len) {
        int n = Math.min(len, data.remaining());
        if (n == 0) {
            return -1;
        }
        data.get(b, off, n);
        return n;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        for (int stalls = 0; stalls < MAX_STALLS; stalls++) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException ex) {
                throw fail("zip.bad-deflate", "invalid deflate data: " + ex.getMessage());
            }
            if (n > 0) {
                return n;
            }
            if (inflater.finished()) {
                return -1;
            }
            if (inflater.needsDictionary()) {
                throw fail("zip.bad-deflate", "deflate stream asks for a preset dictionary");
            }
            if (inflater.needsInput()) {
                throw fail("zip.truncated-entry", "deflate stream ends before its last block after "
                        + entry.compressedSize() + " compressed bytes");
            }
        }
        throw fail("zip.bad-deflate", "inflater made no progress");
    }

    private void accept(byte[] b, int off, int n) throws IOException {
        produced += n;
        if (produced > entry.uncompressedSize()) {
            throw fail("zip.size-mismatch", "expands past the declared " + entry.uncompressedSize() + " bytes");
        }
        if (!budget.take(n)) {
            throw fail("zip.budget-exceeded", "archive read budget exhausted (" + budget.remaining() + " bytes left)");
        }
        crc.update(b, off, n);
    }

    private void finish() throws IOException {
        done = true;
        end();
        if (produced != entry.uncompressedSize()) {
            throw fail("zip.size-mismatch", "yields " + produced + " bytes, declared " + entry.uncompressedSize());
        }
        if (crc.getValue() != entry.crc32()) {
            throw fail("zip.crc-mismatch", "CRC-32 is " + Long.toHexString(crc.getValue()) + ", declared "
                    + Long.toHexString(entry.crc32()));
        }
    }

    private IOException fail(String code, String message) {
        done = true;
        end();
        ZipFormatException cause = new ZipFormatException(code, entry.structure(), entry.dataOffset(), message);
        return new IOException(cause.getMessage(), cause);
    }

    private void end() {
        if (inflater != null) {
            inflater.end();
        }
    }

    @Override
    public void close() {
        done = true;
        end();
    }
}

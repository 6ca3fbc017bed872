package dev.phonehome.apk.scan;

import dev.phonehome.apk.dex.DexFile;
import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.zip.ApkArchive;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.apk.zip.ZipFormatException;
import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Finds and indexes every DEX file of an app: the {@code classes*.dex} of the APK, and DEX
 * hidden in nested archives ({@code .jar}, {@code .zip}, {@code .apk} entries) or stored as
 * raw {@code .dex} assets, where packers and plugin frameworks keep code the manifest never names.
 */
final class DexCollector {
    private static final byte[] DEX_MAGIC = {'d', 'e', 'x', '\n'};

    private final List<Problem> problems;
    private final BiConsumer<String, DexIndex> sink;

    /** {@code sink} receives each index with its location; problems go to {@code problems}. */
    DexCollector(List<Problem> problems, BiConsumer<String, DexIndex> sink) {
        this.problems = problems;
        this.sink = sink;
    }

    void collect(ApkArchive apk, String prefix) {
        for (ArchiveEntry e : apk.entries()) {
            String name = e.name();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".dex")) {
                index(apk, e, prefix + name);
            } else if (isNestedArchive(lower) && apk.depth() < apk.limits().maxNestingDepth()) {
                nested(apk, e, prefix + name + "!/");
            }
        }
    }

    private static boolean isNestedArchive(String lower) {
        return lower.endsWith(".jar") || lower.endsWith(".zip") || lower.endsWith(".apk");
    }

    private void nested(ApkArchive apk, ArchiveEntry e, String prefix) {
        try {
            ApkArchive inner = apk.openNested(e);
            if (inner.entries().stream().anyMatch(x -> x.name().toLowerCase(Locale.ROOT).endsWith(".dex"))) {
                collect(inner, prefix);
            }
        } catch (ZipFormatException ex) {
            // Many assets named .zip are not zips at all; only say so when it held something we wanted.
            if (!"zip.no-end-of-central-directory".equals(ex.code())) {
                problems.add(new Problem(ex.code(), prefix, ex.getMessage()));
            }
        }
    }

    private void index(ApkArchive apk, ArchiveEntry e, String location) {
        try {
            ByteBuffer bytes = e.method() == 0 ? apk.slice(e) : ByteBuffer.wrap(apk.read(e));
            if (!startsWithDexMagic(bytes)) {
                problems.add(new Problem("dex.not-dex", location, "no DEX magic"));
                return;
            }
            for (DexIndex index : DexFile.parse(bytes.order(ByteOrder.LITTLE_ENDIAN), location)) {
                sink.accept(location, index);
                problems.addAll(index.problems());
            }
        } catch (ZipFormatException ex) {
            problems.add(new Problem(ex.code(), location, ex.getMessage()));
        } catch (DexFormatException ex) {
            problems.add(new Problem("dex.malformed", location, ex.getMessage()));
        }
    }

    private static boolean startsWithDexMagic(ByteBuffer b) {
        if (b.remaining() < DEX_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < DEX_MAGIC.length; i++) {
            if (b.get(b.position() + i) != DEX_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}

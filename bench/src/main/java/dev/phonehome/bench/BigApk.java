package dev.phonehome.bench;

import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.SigningIdentity;
import dev.phonehome.testkit.axml.ManifestXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the large APK of the heap test: {@code java -cp bench/target/benchmarks.jar
 * dev.phonehome.bench.BigApk OUT.apk [MEGABYTES]} (default 200, the file size). Half of it is
 * DEX: the {@link SyntheticCode} program's DEX files repeated as {@code classes.dex},
 * {@code classes2.dex}, ..., the first deflated (the scanner inflates it into memory) and the
 * others stored, as system apps keep DEX uncompressed to run it in place. The rest is two random
 * assets, one stored and one deflated, as media and packed data make real system apps big.
 * Signed with v1 and v2 like a release build. Random bytes come from a fixed seed so every run
 * writes the same entries.
 */
public final class BigApk {
    private static final int DEFAULT_MEGABYTES = 200;
    private static final int MEGABYTE = 1 << 20;
    private static final SyntheticCode PROGRAM = new SyntheticCode(1500, 20);
    private static final long SEED = 20261124L;

    private BigApk() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BigApk OUT.apk [MEGABYTES]");
        }
        Path out = Path.of(args[0]);
        long target = (long) (args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MEGABYTES) * MEGABYTE;
        List<byte[]> program = PROGRAM.dex();
        List<byte[]> dex = new ArrayList<>();
        long dexBytes = 0;
        while (dexBytes < target / 2) {
            byte[] next = program.get(dex.size() % program.size());
            dex.add(next);
            dexBytes += next.length;
        }
        int assetBytes = (int) Math.max(0, (target - dexBytes) / 2);
        Random random = new Random(SEED);
        byte[] stored = new byte[assetBytes];
        byte[] deflated = new byte[assetBytes];
        random.nextBytes(stored);
        random.nextBytes(deflated);
        ApkBuilder apk = new ApkBuilder()
                .manifest(ManifestXml.app("dev.phonehome.bench.big").permission("android.permission.INTERNET")
                        .label("Big").build())
                .entry("classes.dex", dex.get(0));
        for (int i = 1; i < dex.size(); i++) {
            apk.storedEntry("classes" + (i + 1) + ".dex", dex.get(i));
        }
        apk.storedEntry("assets/media.bin", stored)
                .entry("assets/packed.bin", deflated)
                .signedBy(SigningIdentity.generate("phonehome bench"))
                .write(out);
    }
}

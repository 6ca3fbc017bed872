package dev.phonehome.testkit.capture;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.prng.DigestRandomGenerator;

/**
 * A {@link SecureRandom} whose output depends only on its seed, so generated keys, TLS randoms
 * and bodies are the same on every build. For fixtures only: the stream is predictable by design.
 */
public final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient DigestRandomGenerator generator = new DigestRandomGenerator(new SHA256Digest());

    public SeededRandom(String seed) {
        super(null, null);
        generator.addSeedMaterial(seed.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        generator.nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int length) {
        byte[] seed = new byte[length];
        nextBytes(seed);
        return seed;
    }

    /** Seeding is fixed at construction; later seed material would make the output depend on the caller. */
    @Override
    public void setSeed(long seed) {
    }

    @Override
    public void setSeed(byte[] seed) {
    }

    @Override
    public String getAlgorithm() {
        return "phonehome-seeded-sha256";
    }
}

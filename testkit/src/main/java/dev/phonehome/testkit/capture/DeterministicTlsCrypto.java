package dev.phonehome.testkit.capture;

import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's lightweight TLS crypto drawing every random value (randoms, session IDs, key
 * shares, signatures) from a {@link SeededRandom}. BouncyCastle seeds its nonce generators with
 * the clock and a global counter as well; those are left out so a connection is reproducible.
 */
final class DeterministicTlsCrypto extends BcTlsCrypto {
    DeterministicTlsCrypto(String seed) {
        super(new SeededRandom(seed));
    }

    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        return super.createNonceGenerator(new byte[0]);
    }
}

package dev.phonehome.apk.signing;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * apksig asks the JCA for {@code SHA256withRSA/PSS} and {@code SHA512withRSA/PSS} (the names
 * Conscrypt and Bouncy Castle use), then sets the PSS parameters itself. The JDK implements the
 * same algorithm as {@code RSASSA-PSS} under another name only, so without these aliases every
 * RSA-PSS v2/v3 signature would be reported as unverifiable.
 */
final class RsaPssAliases extends Provider {
    private static final String NAME = "phonehome-rsa-pss-aliases";
    private static final List<String> ALIASES = List.of("SHA256withRSA/PSS", "SHA512withRSA/PSS");

    private RsaPssAliases() {
        super(NAME, "1", "RSA-PSS under the names apksig asks for, delegating to the JDK's RSASSA-PSS");
        for (String alias : ALIASES) {
            putService(new Service(this, "Signature", alias, DelegatingPss.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                    return new DelegatingPss(Signature.getInstance("RSASSA-PSS"));
                }
            });
        }
    }

    /** Installs the aliases once, when no installed provider already offers them. */
    static synchronized void install() {
        if (Security.getProvider(NAME) != null) {
            return;
        }
        try {
            Signature.getInstance(ALIASES.get(0));
        } catch (NoSuchAlgorithmException absent) {
            Security.addProvider(new RsaPssAliases());
        }
    }

    /** Forwards every call to the JDK's RSASSA-PSS; apksig supplies the PSSParameterSpec. */
    private static final class DelegatingPss extends SignatureSpi {
        private final Signature delegate;

        DelegatingPss(Signature delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            delegate.initVerify(publicKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            delegate.initSign(privateKey);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            try {
                delegate.update(input);
            } catch (SignatureException e) {
                throw new IllegalStateException("signature not initialised", e);
            }
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return delegate.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            return delegate.verify(sigBytes);
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            delegate.setParameter(params);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException("string parameters are not supported; use a PSSParameterSpec");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException("string parameters are not supported");
        }
    }
}

package dev.phonehome.testkit.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * A real TLS client and server (BouncyCastle, non-blocking mode) talking in memory. Every byte
 * either side writes is recorded as a {@link Flight}, and the client exports its secrets as NSS
 * key log lines, so the recorded wire can be decrypted like a capture with SSLKEYLOGFILE.
 * Same host, version and ALPN give the same bytes on every run.
 */
public final class TlsPair {
    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    };
    private final TlsClientProtocol client = new TlsClientProtocol();
    private final TlsServerProtocol server = new TlsServerProtocol();
    private final KeyLogLines keyLog = new KeyLogLines();
    private final List<Flight> flights = new ArrayList<>();
    private final SampleServer tlsServer;

    private TlsPair(String host, TlsVersion version, String alpn) {
        ServerCertificate certificate = ServerCertificate.forHost(host);
        tlsServer = new SampleServer(host, certificate);
        try {
            server.accept(tlsServer);
            client.connect(new SampleClient(host, version, alpn, certificate));
            pump();
        } catch (IOException e) {
            throw new UncheckedIOException("TLS handshake with " + host + " failed", e);
        }
        if (!tlsServer.complete) {
            throw new IllegalStateException("TLS handshake with " + host + " did not complete");
        }
    }

    /** Runs the handshake of a client offering only {@code version} and ALPN {@code alpn} to {@code host}. */
    public static TlsPair handshake(String host, TlsVersion version, String alpn) {
        return new TlsPair(host, version, alpn);
    }

    /** Sends application data from the client; returns what the server read. */
    public byte[] clientSends(byte[] data) {
        return send(client, server, data);
    }

    /** Sends application data from the server; returns what the client read. */
    public byte[] serverSends(byte[] data) {
        return send(server, client, data);
    }

    /** Both sides send close_notify, the client first. */
    public void close() {
        try {
            client.close();
            pump();
            if (!server.isClosed()) {
                server.close();
                pump();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ALPN protocol the server selected, empty when none. */
    public String alpn() {
        return tlsServer.selectedAlpn;
    }

    public List<Flight> flights() {
        return List.copyOf(flights);
    }

    /** The client's secrets, one NSS key log line each. */
    public List<String> keyLog() {
        return keyLog.lines();
    }

    private byte[] send(TlsProtocol from, TlsProtocol to, byte[] data) {
        try {
            from.writeApplicationData(data, 0, data.length);
            pump();
            byte[] received = new byte[to.getAvailableInputBytes()];
            to.readInput(received, 0, received.length);
            if (!Arrays.equals(received, data)) {
                throw new IllegalStateException("peer read " + received.length + " bytes, " + data.length + " were sent");
            }
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves bytes between the two sides until neither has anything to send. */
    private void pump() throws IOException {
        boolean moved = true;
        while (moved) {
            moved = move(client, server, true) | move(server, client, false);
        }
    }

    private boolean move(TlsProtocol from, TlsProtocol to, boolean fromClient) throws IOException {
        int available = from.getAvailableOutputBytes();
        if (available == 0) {
            return false;
        }
        byte[] bytes = new byte[available];
        from.readOutput(bytes, 0, available);
        flights.add(new Flight(fromClient, bytes));
        if (!to.isClosed()) {
            to.offerInput(bytes);
        }
        return true;
    }

    private static Vector<ProtocolName> protocols(String... alpn) {
        Vector<ProtocolName> names = new Vector<>();
        for (String name : alpn) {
            names.add(ProtocolName.asUtf8Encoding(name));
        }
        return names;
    }

    private final class SampleClient extends DefaultTlsClient {
        private final String host;
        private final TlsVersion version;
        private final String alpn;
        private final ServerCertificate expected;

        SampleClient(String host, TlsVersion version, String alpn, ServerCertificate expected) {
            super(new DeterministicTlsCrypto("client " + host));
            this.host = host;
            this.version = version;
            this.alpn = alpn;
            this.expected = expected;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return version.protocol.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return CIPHER_SUITES.clone();
        }

        @Override
        protected Vector<ServerName> getSNIServerNames() {
            Vector<ServerName> names = new Vector<>();
            names.add(new ServerName(NameType.host_name, host.getBytes(StandardCharsets.US_ASCII)));
            return names;
        }

        @Override
        protected Vector<ProtocolName> getProtocolNames() {
            return protocols(alpn);
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    byte[] leaf = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                    if (!Arrays.equals(leaf, expected.encoded())) {
                        throw new TlsFatalAlert(AlertDescription.bad_certificate);
                    }
                }

                @Override
                public TlsCredentials getClientCredentials(org.bouncycastle.tls.CertificateRequest request) {
                    return null;
                }
            };
        }

        @Override
        public void processServerExtensions(Hashtable serverExtensions) throws IOException {
            super.processServerExtensions(serverExtensions);
            if (TlsUtils.isTLSv13(context)) {
                keyLog.handshakeSecrets(getCrypto(), context.getSecurityParametersHandshake());
            }
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            keyLog.connectionSecrets(getCrypto(), context.getSecurityParametersConnection(),
                    TlsUtils.isTLSv13(context));
        }
    }

    private static final class SampleServer extends DefaultTlsServer {
        private final ServerCertificate certificate;
        private boolean complete;
        private String selectedAlpn = "";

        SampleServer(String host, ServerCertificate certificate) {
            super(new DeterministicTlsCrypto("server " + host));
            this.certificate = certificate;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return CIPHER_SUITES.clone();
        }

        @Override
        protected Vector<ProtocolName> getProtocolNames() {
            return protocols("h2", "http/1.1");
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            DeterministicTlsCrypto crypto = (DeterministicTlsCrypto) getCrypto();
            TlsCertificate leaf = crypto.createCertificate(certificate.encoded());
            Certificate chain = TlsUtils.isTLSv13(context)
                    ? new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(leaf, null)})
                    : new Certificate(new TlsCertificate[] {leaf});
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                    certificate.privateKey(), chain,
                    SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            complete = true;
            ProtocolName name = context.getSecurityParametersConnection().getApplicationProtocol();
            selectedAlpn = name == null ? "" : name.getUtf8Decoding();
        }
    }
}

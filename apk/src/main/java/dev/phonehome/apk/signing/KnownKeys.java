package dev.phonehome.apk.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Recognises well-known signing certificates: by the SHA-256 of the DER certificate when the
 * certificate itself is shared (AOSP test keys), by subject distinguished name when every
 * machine makes its own (the SDK debug certificate). Loaded from
 * {@code known-signing-keys.json}, which is validated at load: a malformed knowledge file fails
 * fast instead of silently recognising nothing.
 */
public final class KnownKeys {
    static final String RESOURCE = "known-signing-keys.json";
    private static final int SCHEMA = 1;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, KnownKey> byFingerprint;
    private final Map<X500Principal, KnownKey> bySubject;

    private KnownKeys(Map<String, KnownKey> byFingerprint, Map<X500Principal, KnownKey> bySubject) {
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.bySubject = Map.copyOf(bySubject);
    }

    /** The knowledge file shipped with phonehome. */
    public static KnownKeys load() {
        try (InputStream in = KnownKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("knowledge file " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + RESOURCE, e);
        }
    }

    /** Parses and validates a knowledge file; throws {@link IllegalStateException} naming the bad entry. */
    public static KnownKeys parse(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw invalid("root", "is not a JSON object");
        }
        if (root.path("schema").asInt(-1) != SCHEMA) {
            throw invalid("schema", "must be " + SCHEMA + ", is " + root.path("schema"));
        }
        Map<String, KnownKey> byFingerprint = new HashMap<>();
        for (JsonNode entry : array(root, "keys")) {
            String name = text(entry, "name", "keys[]");
            String sha256 = text(entry, "sha256", name);
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw invalid(name, "sha256 must be 64 lowercase hex digits, is '" + sha256 + "'");
            }
            text(entry, "subject", name);
            KnownKey key = new KnownKey(name, kind(entry, name), provenance(entry, name));
            if (byFingerprint.put(sha256, key) != null) {
                throw invalid(name, "fingerprint " + sha256 + " is listed twice");
            }
        }
        Map<X500Principal, KnownKey> bySubject = new HashMap<>();
        for (JsonNode entry : array(root, "debugCertificateSubjects")) {
            String name = text(entry, "name", "debugCertificateSubjects[]");
            X500Principal subject = principal(text(entry, "subject", name), name);
            if (bySubject.put(subject, new KnownKey(name, kind(entry, name), provenance(entry, name))) != null) {
                throw invalid(name, "subject " + subject + " is listed twice");
            }
        }
        return new KnownKeys(byFingerprint, bySubject);
    }

    /** A knowledge base made in code, for tests and callers with their own lists. */
    public static KnownKeys of(Map<String, KnownKey> byFingerprint, Map<X500Principal, KnownKey> bySubject) {
        return new KnownKeys(byFingerprint, bySubject);
    }

    /** The key recognised by certificate fingerprint, else by subject. */
    public Optional<KnownKey> match(String sha256, X500Principal subject) {
        KnownKey key = byFingerprint.get(sha256);
        return key != null ? Optional.of(key) : Optional.ofNullable(bySubject.get(subject));
    }

    /** How many fingerprints are known. */
    public int fingerprintCount() {
        return byFingerprint.size();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw invalid(field, "must be an array");
        }
        return node;
    }

    private static String text(JsonNode entry, String field, String owner) {
        JsonNode node = entry.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid(owner, "field '" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    private static KnownKey.Kind kind(JsonNode entry, String name) {
        String kind = text(entry, "kind", name);
        try {
            return KnownKey.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "unknown kind '" + kind + "'");
        }
    }

    private static X500Principal principal(String dn, String name) {
        try {
            return new X500Principal(dn);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "subject '" + dn + "' is not a distinguished name");
        }
    }

    /** Every entry says where its fact comes from, how it was derived and when. */
    private static String provenance(JsonNode entry, String name) {
        JsonNode source = entry.path("source");
        String upstream = text(source, "upstream", name + ".source");
        text(source, "method", name + ".source");
        String retrieved = text(source, "retrieved", name + ".source");
        if (!retrieved.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw invalid(name, "source.retrieved must be a date yyyy-mm-dd, is '" + retrieved + "'");
        }
        if (source.has("repository")) {
            return text(source, "repository", name + ".source") + "@" + text(source, "commit", name + ".source")
                    + ":" + text(source, "path", name + ".source");
        }
        return upstream;
    }

    private static IllegalStateException invalid(String where, String what) {
        return new IllegalStateException("knowledge file " + RESOURCE + ": " + where + ": " + what);
    }
}

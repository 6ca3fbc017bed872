package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class KnownKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** AOSP's platform.x509.pem, the key framework-res.apk of an AOSP test build is signed with. */
    private static final String AOSP_PLATFORM = "c8a2e9bccf597c2fb6dc66bee293fc13f2fc47ec77bc6b2b0d52c11f51192ab8";
    private static final String AOSP_TESTKEY = "a40da80a59d170caa950cf15c18c454d47a39b26989d8b640ecd745ba71bf5dc";

    @Test
    void shippedFileLoadsAndRecognisesAospTestKeysAndTheDebugSubject() {
        KnownKeys keys = KnownKeys.load();
        X500Principal other = new X500Principal("CN=Someone");

        assertThat(keys.fingerprintCount()).isEqualTo(8);
        assertThat(keys.match(AOSP_PLATFORM, other)).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("aosp-platform");
            assertThat(k.kind()).isEqualTo(KnownKey.Kind.AOSP_TEST_KEY);
            assertThat(k.source()).endsWith(":target/product/security/platform.x509.pem");
        });
        assertThat(keys.match(AOSP_TESTKEY, other)).map(KnownKey::name).contains("aosp-testkey");
        assertThat(keys.match("00".repeat(32), new X500Principal("cn=android debug,o=android,  c=us")))
                .as("DN equality is by canonical form, not spelling").map(KnownKey::kind).contains(KnownKey.Kind.DEBUG);
        assertThat(keys.match("00".repeat(32), other)).isEmpty();
    }

    @Test
    void everyShippedEntryHasProvenanceAndAUniqueName() throws Exception {
        JsonNode root;
        try (InputStream in = KnownKeys.class.getResourceAsStream(KnownKeys.RESOURCE)) {
            root = JSON.readTree(in);
        }
        Set<String> names = new HashSet<>();
        for (String list : new String[] {"keys", "debugCertificateSubjects"}) {
            for (JsonNode entry : root.path(list)) {
                assertThat(names.add(entry.path("name").asText())).as("unique name").isTrue();
                JsonNode source = entry.path("source");
                assertThat(source.path("method").asText()).isNotBlank();
                assertThat(source.path("retrieved").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
        for (JsonNode key : root.path("keys")) {
            assertThat(key.path("source").path("repository").asText()).contains("/");
            assertThat(key.path("source").path("commit").asText()).matches("[0-9a-f]{40}");
            assertThat(key.path("source").path("path").asText()).endsWith(".x509.pem");
        }
    }

    @Test
    void malformedKnowledgeFilesFailFastNamingTheEntry() {
        assertInvalid(root -> root.put("schema", 2), "schema");
        assertInvalid(root -> key(root).put("sha256", "C8A2"), "aosp-testkey");
        assertInvalid(root -> key(root).put("kind", "FRIENDLY"), "unknown kind");
        assertInvalid(root -> key(root).remove("subject"), "'subject'");
        assertInvalid(root -> ((ObjectNode) key(root).path("source")).remove("method"), "'method'");
        assertInvalid(root -> ((ObjectNode) key(root).path("source")).put("retrieved", "last week"), "retrieved");
        assertInvalid(root -> ((ArrayNode) root.path("keys")).add(key(root).deepCopy()), "listed twice");
        assertInvalid(root -> ((ObjectNode) root.path("debugCertificateSubjects").get(0)).put("subject", "not a DN"),
                "distinguished name");
        assertInvalid(root -> root.remove("keys"), "keys");
    }

    private static ObjectNode key(ObjectNode root) {
        return (ObjectNode) root.path("keys").get(0);
    }

    private static void assertInvalid(Consumer<ObjectNode> damage, String expectedInMessage) {
        ObjectNode root;
        try (InputStream in = KnownKeys.class.getResourceAsStream(KnownKeys.RESOURCE)) {
            root = (ObjectNode) JSON.readTree(in);
            damage.accept(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] bytes = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KnownKeys.parse(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(expectedInMessage);
    }
}

package dev.phonehome.apk.detect;

import dev.phonehome.apk.manifest.XmlAttribute;
import dev.phonehome.apk.manifest.XmlElement;
import dev.phonehome.apk.resources.ResValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What weakens TLS in a network security config ({@code res/xml/...}, referenced by the
 * manifest): user-installed CAs trusted, cleartext permitted for all hosts or for some domains.
 * {@code debug-overrides} is ignored: it applies to debuggable builds only, reported apart. The
 * binary XML tree keeps no element text, so domain configs are counted, not named.
 *
 * @param userCasEverywhere the base config trusts user CAs
 * @param userCaConfigs     domain configs trusting user CAs
 * @param cleartextBase     the base config's {@code cleartextTrafficPermitted}, when written
 * @param cleartextConfigs  domain configs permitting cleartext
 */
record NetworkSecurityConfig(boolean userCasEverywhere, int userCaConfigs, Optional<Boolean> cleartextBase,
        int cleartextConfigs) {
    /** Domain configs read; they nest, and a hostile file may hold very many. */
    static final int MAX_DOMAIN_CONFIGS = 10_000;

    static NetworkSecurityConfig of(XmlElement root) {
        boolean userCasEverywhere = false;
        Optional<Boolean> cleartextBase = Optional.empty();
        for (XmlElement base : root.children("base-config")) {
            userCasEverywhere |= trustsUserCas(base);
            cleartextBase = cleartext(base);
        }
        int userCaConfigs = 0;
        int cleartextConfigs = 0;
        List<XmlElement> pending = new ArrayList<>(root.children("domain-config"));
        for (int i = 0; i < pending.size() && i < MAX_DOMAIN_CONFIGS; i++) {
            XmlElement config = pending.get(i);
            userCaConfigs += trustsUserCas(config) ? 1 : 0;
            cleartextConfigs += cleartext(config).orElse(false) ? 1 : 0;
            pending.addAll(config.children("domain-config"));
        }
        return new NetworkSecurityConfig(userCasEverywhere, userCaConfigs, cleartextBase, cleartextConfigs);
    }

    private static boolean trustsUserCas(XmlElement config) {
        return config.children("trust-anchors").stream().flatMap(t -> t.children("certificates").stream())
                .anyMatch(c -> c.attribute("", "src").map(XmlAttribute::text).filter("user"::equals).isPresent());
    }

    private static Optional<Boolean> cleartext(XmlElement config) {
        return config.attribute("", "cleartextTrafficPermitted").map(a -> a.value().type() == ResValue.TYPE_INT_BOOLEAN
                ? a.value().data() != 0 : "true".equals(a.text()));
    }
}

package dev.phonehome.assess.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts a rule's scoring may weigh, named in the rules file in lower case
 * ({@code privileged_app}). Each is decided from the risk's apps and evidence alone.
 */
public enum Factor {
    /** An affected app runs with system privileges (priv-app, platform UID or platform key). */
    PRIVILEGED_APP,
    /** No evidence item went beyond presence: no call site, no traffic. */
    PRESENT_ONLY,
    /** Some evidence was seen in traffic. */
    OBSERVED,
    /** Some traffic matched the app's static evidence. */
    LINKED,
    /** A destination lies in a third country under GDPR. */
    THIRD_COUNTRY,
    /** Personal data was recognised in the traffic. */
    PERSONAL_DATA,
    /** Some traffic went in clear text (http://). */
    CLEARTEXT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Factor> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}

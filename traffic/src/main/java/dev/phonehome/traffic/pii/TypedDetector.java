package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;

/**
 * Finds personal data by its shape alone, for traffic analysed without a device profile (or for
 * identifiers the profile does not list). Hits are {@link HitConfidence#LOW}; the matcher drops
 * placeholders and what a profile variant already covers.
 */
interface TypedDetector {
    /**
     * @param key  the name the value was sent under (last key of the leaf path, see {@link LeafKeys}),
     *             empty for the raw request
     * @param text the value's bytes
     */
    void find(String key, ByteText text, Sink sink);

    /** Receives one detector's matches. */
    interface Sink {
        void match(PersonalDataType type, String form, int start, int end);
    }
}

package dev.phonehome.traffic.pii;

/** How sure a hit is to be the personal data it names. */
public enum HitConfidence {
    /** A profile value, in a form specific enough that a coincidence is implausible. */
    HIGH,
    /** A profile value in a short form that can occur by chance (a location at 2 or 3 decimals). */
    MEDIUM,
    /** Found without a profile by its shape alone (a Luhn-valid IMEI, a MAC address, an e-mail). */
    LOW
}

package dev.phonehome.assess.model;

/**
 * The categories of the risk register: the three of Lithuania's NCSC 2021 assessment first,
 * then three that the same evidence supports.
 */
public enum RiskCategory {
    /** Weaknesses of the factory-installed apps themselves (NCSC). */
    APP_SECURITY,
    /** Personal data leaving the phone (NCSC). */
    PERSONAL_DATA,
    /** Censorship of content, e.g. keyword lists (NCSC). */
    FREEDOM_OF_EXPRESSION,
    /** Personal data going to countries without an adequacy decision (GDPR chapter V). */
    THIRD_COUNTRY_TRANSFER,
    /** Communication the user cannot see: silent SMS, encrypted vendor telemetry. */
    COVERT_COMMUNICATION,
    /** Third-party code and keys inside privileged software. */
    SUPPLY_CHAIN
}

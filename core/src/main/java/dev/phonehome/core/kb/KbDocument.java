package dev.phonehome.core.kb;

/** The header every knowledge file carries. */
interface KbDocument {
    Integer schemaVersion();

    String kbVersion();

    FileProvenance provenance();
}

package dev.phonehome.apk.dex;

/** Which table an instruction's index operand points into. */
public enum IndexKind {
    NONE,
    STRING,
    TYPE,
    FIELD,
    METHOD,
    PROTO,
    CALL_SITE,
    METHOD_HANDLE
}

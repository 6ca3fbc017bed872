package dev.phonehome.core.kb;

/** Why an address's registered country may not be where the server is. */
public enum AnycastKind {
    /** The same address is announced from many sites; the nearest one answers. */
    ANYCAST,
    /** A content delivery network: DNS hands each client an edge server near it. */
    CDN
}

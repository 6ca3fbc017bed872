package dev.phonehome.traffic.capture;

/** LINKTYPE_ values (tcpdump.org link-layer header types) that phonehome decodes. */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** LINKTYPE_RAW as written on some BSDs (DLT 12). */
    public static final int RAW_DLT12 = 12;
    /** LINKTYPE_RAW as written on OpenBSD (DLT 14). */
    public static final int RAW_DLT14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }
}

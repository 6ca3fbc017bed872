package dev.phonehome.core.kb;

/** A host matched a tracker's network signature: a domain suffix or a host regex. */
public record NetworkMatch(String signature, Tracker tracker) {
}

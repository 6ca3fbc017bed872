package dev.phonehome.core.kb;

/** A class name matched a tracker's code prefix (the prefix is the evidence to cite). */
public record CodeMatch(String prefix, Tracker tracker) {
}

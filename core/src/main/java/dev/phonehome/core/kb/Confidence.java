package dev.phonehome.core.kb;

/** How far a knowledge fact can be trusted, as stated by its source or by the maintainers. */
public enum Confidence {
    HIGH, MEDIUM, LOW
}

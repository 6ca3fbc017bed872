package dev.phonehome.apk.dex;

import java.util.Objects;

/**
 * A {@code const-string} or {@code const-string/jumbo} in a method's code.
 *
 * @param pc    offset of the instruction in 16-bit code units
 * @param value the decoded string constant
 */
public record StringUse(int pc, String value) {
    public StringUse {
        Objects.requireNonNull(value, "value");
    }
}

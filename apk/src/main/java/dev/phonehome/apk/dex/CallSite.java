package dev.phonehome.apk.dex;

import java.util.Objects;

/**
 * One place in a method's code that calls (or, for {@link InvokeKind#HANDLE}, takes a handle to)
 * another method.
 *
 * @param pc     offset of the instruction in 16-bit code units from the start of the method's code
 * @param kind   how the target is reached
 * @param target the method called
 */
public record CallSite(int pc, InvokeKind kind, MethodRef target) {
    public CallSite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }
}

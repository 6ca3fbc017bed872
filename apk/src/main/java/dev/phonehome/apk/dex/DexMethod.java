package dev.phonehome.apk.dex;

import java.util.List;
import java.util.Objects;

/**
 * A method defined by a class of the DEX, with the call sites and string constants of its code
 * in instruction order.
 *
 * @param ref         the method's own reference
 * @param accessFlags {@code ACC_*} flags from {@code class_data_item}
 * @param calls       every {@code invoke-*} (and method handle) in code order
 * @param strings     every {@code const-string} and {@code const-string/jumbo} in code order
 * @param code        the code item, or null for abstract and native methods
 */
public record DexMethod(MethodRef ref, int accessFlags, List<CallSite> calls, List<StringUse> strings,
        MethodCode code) {
    public DexMethod {
        Objects.requireNonNull(ref, "ref");
        calls = List.copyOf(calls);
        strings = List.copyOf(strings);
    }

    /** The decoded instructions, decoded anew on each call; empty without code. */
    public List<Instruction> instructions() {
        return code == null ? List.of() : code.instructions();
    }
}

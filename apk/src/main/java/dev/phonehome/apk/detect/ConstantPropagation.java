package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.dex.FieldRef;
import dev.phonehome.apk.dex.IndexKind;
import dev.phonehome.apk.dex.Instruction;
import dev.phonehome.apk.dex.InvokeKind;
import dev.phonehome.apk.dex.MethodRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Intra-method constant propagation along the instruction stream: which registers hold a
 * string or number constant when a method is called. Deliberately simple and sound: everything
 * is forgotten at each jump target (branch, switch case, catch handler), so a value that differs
 * on two paths is never reported as constant; any instruction not modelled forgets the
 * registers it may write. Calls are opaque, except {@code Uri.parse}, whose result stands for
 * its constant text so that {@code query(Uri.parse("content://sms"), ...)} shows the URI. An
 * object made by {@code new-instance} is an {@link Allocation}, so a detector can tell which
 * map or bundle a call receives.
 */
final class ConstantPropagation {
    /** Registers tracked per frame; higher ones always read as unknown (the format allows 65535). */
    static final int MAX_REGISTERS = 4096;
    private static final int MOVE = 0x01;
    private static final int MOVE_WIDE = 0x04;
    private static final int MOVE_WIDE_16 = 0x06;
    private static final int MOVE_OBJECT_16 = 0x09;
    private static final int MOVE_RESULT = 0x0a;
    private static final int MOVE_RESULT_WIDE = 0x0b;
    private static final int MOVE_RESULT_OBJECT = 0x0c;
    private static final int CONST_4 = 0x12;
    private static final int CONST_WIDE_16 = 0x16;
    private static final int CONST_WIDE_HIGH16 = 0x19;
    private static final int CONST_STRING = 0x1a;
    private static final int CONST_STRING_JUMBO = 0x1b;
    private static final int NEW_INSTANCE = 0x22;
    private static final int SGET = 0x60;
    private static final int SGET_SHORT = 0x66;
    private static final int SPUT = 0x67;
    private static final int SPUT_SHORT = 0x6d;
    private static final MethodRef URI_PARSE =
            new MethodRef("Landroid/net/Uri;", "parse", "(Ljava/lang/String;)Landroid/net/Uri;");

    /** The object made by the {@code new-instance} at {@code pc}. */
    record Allocation(int pc, String type) {
    }

    /**
     * What the walk reports. Argument values are {@link String}, {@link Long}, {@link Allocation}
     * or null (unknown).
     */
    interface Listener {
        default void invoke(Instruction insn, MethodRef target, Object[] arguments) {
        }

        default void staticField(Instruction insn, FieldRef field) {
        }

        default void staticPut(Instruction insn, FieldRef field, Object value) {
        }
    }

    private ConstantPropagation() {
    }

    /** Walks {@code method}'s code once, calling {@code listener} at each invoke and static field access. */
    static void run(DexIndex index, DexMethod method, Listener listener) {
        if (method.code() == null) {
            return;
        }
        List<Instruction> code = method.instructions();
        BitSet targets = method.code().jumpTargets();
        Object[] regs = new Object[Math.min(method.code().registersSize(), MAX_REGISTERS) + 1];
        Object result = null;
        for (Instruction insn : code) {
            if (targets.get(insn.pc())) {
                Arrays.fill(regs, null);
            }
            int op = insn.opcode();
            Object pending = null;
            if (insn.invokeKind() != null) {
                Object[] args = new Object[insn.registerCount()];
                for (int k = 0; k < args.length; k++) {
                    args[k] = get(regs, insn.register(k));
                }
                MethodRef target = method(index, insn);
                if (target != null) {
                    listener.invoke(insn, target, args);
                    pending = target.equals(URI_PARSE) && args.length == 1 ? args[0] : null;
                }
            } else if (op >= CONST_4 && op <= CONST_WIDE_HIGH16) {
                set(regs, insn.register(0), insn.literal(), op >= CONST_WIDE_16);
            } else if (op == CONST_STRING || op == CONST_STRING_JUMBO) {
                set(regs, insn.register(0), string(index, insn.index()), false);
            } else if (op >= MOVE && op <= MOVE_OBJECT_16) {
                boolean wide = op >= MOVE_WIDE && op <= MOVE_WIDE_16;
                set(regs, insn.register(0), wide ? null : get(regs, insn.register(1)), wide);
            } else if (op >= MOVE_RESULT && op <= MOVE_RESULT_OBJECT) {
                set(regs, insn.register(0), result, op == MOVE_RESULT_WIDE);
            } else if (op == NEW_INSTANCE) {
                set(regs, insn.register(0), new Allocation(insn.pc(), type(index, insn.index())), false);
            } else if (op >= SGET && op <= SGET_SHORT && insn.indexKind() == IndexKind.FIELD) {
                field(index, insn, listener);
                set(regs, insn.register(0), null, true);
            } else if (op >= SPUT && op <= SPUT_SHORT && insn.indexKind() == IndexKind.FIELD) {
                FieldRef f = fieldRef(index, insn);
                if (f != null) {
                    listener.staticPut(insn, f, get(regs, insn.register(0)));
                }
            } else if (insn.registerCount() > 0) {
                set(regs, insn.register(0), null, true);
            }
            result = pending;
        }
    }

    /** The parameter type descriptors of a method descriptor; as far as readable when malformed. */
    static List<String> parameters(String descriptor) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int end = i;
            while (end < descriptor.length() && descriptor.charAt(end) == '[') {
                end++;
            }
            if (end < descriptor.length() && descriptor.charAt(end) == 'L') {
                end = descriptor.indexOf(';', end);
                if (end < 0) {
                    break;
                }
            }
            out.add(descriptor.substring(i, Math.min(end + 1, descriptor.length())));
            i = end + 1;
        }
        return out;
    }

    /**
     * The position in an invoke's register list of parameter {@code parameter} (0 = first after
     * the receiver), counting two registers for {@code long} and {@code double}; -1 when there is
     * no such parameter.
     */
    static int slot(List<String> parameters, int parameter, boolean hasReceiver) {
        if (parameter < 0 || parameter >= parameters.size()) {
            return -1;
        }
        int slot = hasReceiver ? 1 : 0;
        for (int p = 0; p < parameter; p++) {
            String t = parameters.get(p);
            slot += t.equals("J") || t.equals("D") ? 2 : 1;
        }
        return slot;
    }

    /** Whether an invoke of this kind passes a receiver in its first register. */
    static boolean hasReceiver(InvokeKind kind) {
        return kind != InvokeKind.STATIC && kind != InvokeKind.CUSTOM;
    }

    private static void field(DexIndex index, Instruction insn, Listener listener) {
        FieldRef f = fieldRef(index, insn);
        if (f != null) {
            listener.staticField(insn, f);
        }
    }

    private static FieldRef fieldRef(DexIndex index, Instruction insn) {
        try {
            return index.fieldRef(insn.index());
        } catch (DexFormatException e) {
            return null;
        }
    }

    private static MethodRef method(DexIndex index, Instruction insn) {
        if (insn.indexKind() != IndexKind.METHOD) {
            return null;
        }
        try {
            return index.methodRef(insn.index());
        } catch (DexFormatException e) {
            return null;
        }
    }

    private static String string(DexIndex index, int i) {
        try {
            return index.string(i);
        } catch (DexFormatException e) {
            return null;
        }
    }

    private static String type(DexIndex index, int i) {
        try {
            return index.type(i);
        } catch (DexFormatException e) {
            return "?";
        }
    }

    private static Object get(Object[] regs, int r) {
        return r >= 0 && r < regs.length ? regs[r] : null;
    }

    private static void set(Object[] regs, int r, Object value, boolean wide) {
        if (r >= 0 && r < regs.length) {
            regs[r] = value;
        }
        if (wide && r + 1 >= 0 && r + 1 < regs.length) {
            regs[r + 1] = null;
        }
    }
}

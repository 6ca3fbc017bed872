package dev.phonehome.apk.dex;

import java.util.Arrays;
import java.util.Locale;

/**
 * One decoded Dalvik instruction, for analyses that follow values through a method (constant
 * propagation): {@code const-string v1, "+123"} gives {@code registers = [1]} and the string
 * index; {@code invoke-virtual {v0, v1, v2}, m} gives {@code registers = [0, 1, 2]} and the method
 * index. Indices resolve through {@link DexIndex#string(int)}, {@link DexIndex#methodRef(int)} etc.
 *
 * <p>Operand conventions: {@link #registers()} lists the register operands in the order the
 * Dalvik specification names them (vA, vB, vC; argument lists in call order). {@link #literal()}
 * holds the constant of {@code const*} and {@code *-lit*} instructions (already shifted for
 * {@code /high16}), the signed branch offset of {@code goto}, {@code if-*}, {@code *-switch} and
 * {@code fill-array-data}, and the prototype index of {@code invoke-polymorphic}.
 */
public final class Instruction {
    private final int pc;
    private final int opcode;
    private final int[] registers;
    private final long literal;
    private final IndexKind indexKind;
    private final int index;

    Instruction(int pc, int opcode, int[] registers, long literal, IndexKind indexKind, int index) {
        this.pc = pc;
        this.opcode = opcode;
        this.registers = registers;
        this.literal = literal;
        this.indexKind = indexKind;
        this.index = index;
    }

    /** Offset in 16-bit code units from the start of the method's code. */
    public int pc() {
        return pc;
    }

    /** The opcode, 0x00..0xff. */
    public int opcode() {
        return opcode;
    }

    /** The mnemonic, e.g. {@code invoke-virtual/range}. */
    public String name() {
        return Opcodes.name(opcode);
    }

    /** How the instruction invokes its target, or null if it is not an {@code invoke-*}. */
    public InvokeKind invokeKind() {
        return Opcodes.invokeKind(opcode);
    }

    public int registerCount() {
        return registers.length;
    }

    public int register(int i) {
        return registers[i];
    }

    /** A copy of the register operands. */
    public int[] registers() {
        return registers.clone();
    }

    public long literal() {
        return literal;
    }

    public IndexKind indexKind() {
        return indexKind;
    }

    /** Index into the table named by {@link #indexKind()}, or -1 when there is none. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(pc).append(": ").append(name());
        if (registers.length > 0) {
            sb.append(' ').append(Arrays.toString(registers));
        }
        if (literal != 0) {
            sb.append(" #").append(literal);
        }
        if (index >= 0) {
            sb.append(' ').append(indexKind.name().toLowerCase(Locale.ROOT)).append('@').append(index);
        }
        return sb.toString();
    }
}

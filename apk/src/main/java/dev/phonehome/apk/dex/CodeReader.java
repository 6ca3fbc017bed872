package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/**
 * Walks the instruction stream of one method: steps from instruction to instruction by the
 * width of each opcode's format, skips the switch and array payload pseudo-instructions by their
 * declared size, and checks every width against the code's length. Nothing is allocated per
 * instruction unless {@link #decode()} is called.
 */
final class CodeReader {
    /** {@code const/high16} shifts its literal by 16 bits; {@code const-wide/high16} by 48. */
    private static final int CONST_HIGH16 = 0x15;
    private final ByteCursor insns;
    private final int units;
    private int pc;
    private int width;
    private int opcode;

    /** {@code insns} holds exactly the method's code units. */
    CodeReader(ByteCursor insns) {
        this.insns = insns;
        this.units = insns.limit() / 2;
    }

    /** Moves to the next instruction, skipping payloads; false at the end of the code. */
    boolean next() throws FormatException {
        while (true) {
            int at = pc + width;
            if (at >= units) {
                pc = units;
                width = 0;
                return false;
            }
            int first = unitAt(at);
            int op = first & 0xFF;
            long w = op == Opcodes.NOP ? payloadWidth(at, first) : 0;
            boolean payload = w > 0;
            if (!payload) {
                Format format = Opcodes.format(op);
                if (format == null) {
                    throw error(at, "unused opcode 0x" + Integer.toHexString(op));
                }
                w = format.units;
            }
            if (w > units - at) {
                throw error(at, Opcodes.name(payload ? Opcodes.NOP : op) + (payload ? " payload" : "")
                        + " needs " + w + " code units, remaining " + (units - at));
            }
            pc = at;
            width = (int) w;
            opcode = op;
            if (!payload) {
                return true;
            }
        }
    }

    /** Offset of the current instruction, in code units. */
    int pc() {
        return pc;
    }

    int opcode() {
        return opcode;
    }

    /** Code unit {@code k} of the current instruction ({@code 0 <= k < width}). */
    int unit(int k) throws FormatException {
        return unitAt(pc + k);
    }

    /** 32-bit value in code units {@code k} and {@code k + 1} of the current instruction. */
    int int32(int k) throws FormatException {
        return unit(k) | unit(k + 1) << 16;
    }

    /** The current instruction with its operands. */
    Instruction decode() throws FormatException {
        int u0 = unit(0);
        int aa = u0 >>> 8;
        int a = aa & 0xF;
        int b = aa >>> 4;
        IndexKind kind = Opcodes.indexKind(opcode);
        Format format = Opcodes.format(opcode);
        return switch (format) {
            case F10X -> instruction(kind, -1, 0);
            case F12X -> instruction(kind, -1, 0, a, b);
            case F11N -> instruction(kind, -1, (b << 28) >> 28, a);
            case F11X -> instruction(kind, -1, 0, aa);
            case F10T -> instruction(kind, -1, (byte) aa);
            case F20T -> instruction(kind, -1, (short) unit(1));
            case F22X -> instruction(kind, -1, 0, aa, unit(1));
            case F21T, F21S -> instruction(kind, -1, (short) unit(1), aa);
            case F21H -> instruction(kind, -1, (long) (short) unit(1) << (opcode == CONST_HIGH16 ? 16 : 48), aa);
            case F21C -> instruction(kind, unit(1), 0, aa);
            case F23X -> instruction(kind, -1, 0, aa, unit(1) & 0xFF, unit(1) >>> 8);
            case F22B -> instruction(kind, -1, (byte) (unit(1) >>> 8), aa, unit(1) & 0xFF);
            case F22T, F22S -> instruction(kind, -1, (short) unit(1), a, b);
            case F22C -> instruction(kind, unit(1), 0, a, b);
            case F30T -> instruction(kind, -1, int32(1));
            case F32X -> instruction(kind, -1, 0, unit(1), unit(2));
            case F31I, F31T -> instruction(kind, -1, int32(1), aa);
            case F31C -> instruction(kind, (int) Math.min(Integer.toUnsignedLong(int32(1)), Integer.MAX_VALUE), 0, aa);
            case F35C -> instruction(kind, unit(1), 0, listRegisters(b, a, unit(2)));
            case F3RC -> instruction(kind, unit(1), 0, rangeRegisters(aa, unit(2)));
            case F45CC -> instruction(kind, unit(1), unit(3), listRegisters(b, a, unit(2)));
            case F4RCC -> instruction(kind, unit(1), unit(3), rangeRegisters(aa, unit(2)));
            case F51L -> instruction(kind, -1, Integer.toUnsignedLong(int32(1)) | (long) int32(3) << 32, aa);
        };
    }

    private Instruction instruction(IndexKind kind, int index, long literal, int... registers) {
        return new Instruction(pc, opcode, registers, literal, kind, kind == IndexKind.NONE ? -1 : index);
    }

    /** Registers of a 35c/45cc instruction: count {@code count}, in the order C, D, E, F, G. */
    private int[] listRegisters(int count, int g, int cdef) throws FormatException {
        if (count > 5) {
            throw error(pc, "argument count " + count + " above 5");
        }
        int[] registers = new int[count];
        for (int k = 0; k < count; k++) {
            registers[k] = k == 4 ? g : (cdef >>> (4 * k)) & 0xF;
        }
        return registers;
    }

    private static int[] rangeRegisters(int count, int first) {
        int[] registers = new int[count];
        for (int k = 0; k < count; k++) {
            registers[k] = first + k;
        }
        return registers;
    }

    /** Width in code units of the payload starting at {@code at}, or 0 if it is a plain nop. */
    private long payloadWidth(int at, int first) throws FormatException {
        switch (first) {
            case Opcodes.PACKED_SWITCH_PAYLOAD:
                return 4 + 2L * headerUnit(at, 1, 2);
            case Opcodes.SPARSE_SWITCH_PAYLOAD:
                return 2 + 4L * headerUnit(at, 1, 2);
            case Opcodes.FILL_ARRAY_DATA_PAYLOAD:
                long elementWidth = headerUnit(at, 1, 4);
                long size = Integer.toUnsignedLong(unitAt(at + 2) | unitAt(at + 3) << 16);
                return 4 + (size * elementWidth + 1) / 2;
            default:
                return 0;
        }
    }

    /** Unit {@code k} of a payload header of {@code headerUnits} units, checked to fit the code. */
    private int headerUnit(int at, int k, int headerUnits) throws FormatException {
        if (headerUnits > units - at) {
            throw error(at, "payload header needs " + headerUnits + " code units, remaining " + (units - at));
        }
        return unitAt(at + k);
    }

    private int unitAt(int index) throws FormatException {
        insns.seek(2L * index);
        return insns.u16();
    }

    private FormatException error(int at, String message) {
        long start = insns.absolutePosition() - insns.position();
        return new FormatException(insns.structure(), start + 2L * at, "pc " + at + ": " + message);
    }
}

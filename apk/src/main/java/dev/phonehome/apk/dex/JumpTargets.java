package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.BitSet;

/**
 * The instructions of one method that control can reach other than by falling through: branch
 * and switch targets and catch handlers. Value analyses must forget what they know at these
 * points, so the reader errs towards more targets: data it cannot read makes every instruction
 * a target.
 */
final class JumpTargets {
    /** Catch handlers read per method; the format allows 65535 try items with many handlers each. */
    static final int MAX_HANDLERS = 1 << 14;
    private static final int CODE_ITEM_HEADER = 16;
    private static final int TRIES_SIZE_AT = 6;
    private static final int TRY_ITEM_SIZE = 8;
    private static final int PACKED_SWITCH = 0x2b;
    private static final int SPARSE_SWITCH = 0x2c;
    private static final int FIRST_IF = 0x32;
    private static final int LAST_IF = 0x3d;
    private static final int GOTO = 0x28;
    private static final int GOTO_32 = 0x2a;

    private JumpTargets() {
    }

    /** Target pcs as a bit set over the code units of {@code code}; all set when unreadable. */
    static BitSet of(ByteCursor data, int insnsOffset, int codeUnits) {
        BitSet targets = new BitSet(codeUnits);
        try {
            ByteCursor insns = data.sliceAt(insnsOffset, 2L * codeUnits, "code_item insns");
            CodeReader reader = new CodeReader(insns);
            while (reader.next()) {
                int op = reader.opcode();
                if (op >= GOTO && op <= GOTO_32 || op >= FIRST_IF && op <= LAST_IF) {
                    mark(targets, reader.pc() + reader.decode().literal(), codeUnits);
                } else if (op == PACKED_SWITCH || op == SPARSE_SWITCH) {
                    switchTargets(insns, reader.pc(), (int) reader.decode().literal(), op == PACKED_SWITCH, targets,
                            codeUnits);
                }
            }
            handlers(data, insnsOffset, codeUnits, targets);
        } catch (FormatException e) {
            targets.set(0, codeUnits);
        }
        return targets;
    }

    private static void switchTargets(ByteCursor insns, int pc, int offset, boolean packed, BitSet targets,
            int codeUnits) throws FormatException {
        long at = (long) pc + offset;
        if (at < 0 || at >= codeUnits) {
            throw insns.error("switch at pc " + pc + " names payload at " + at + " outside the code");
        }
        insns.seek(2 * at + 2);
        int size = insns.u16();
        long keys = packed ? 1 : size;
        insns.skip(4 * keys);
        for (int k = 0; k < size; k++) {
            mark(targets, pc + (long) insns.s32(), codeUnits);
        }
    }

    private static void handlers(ByteCursor data, int insnsOffset, int codeUnits, BitSet targets)
            throws FormatException {
        int tries = data.sliceAt(insnsOffset - CODE_ITEM_HEADER + TRIES_SIZE_AT, 2, "code_item").u16();
        if (tries == 0) {
            return;
        }
        long triesAt = insnsOffset + 2L * codeUnits + (codeUnits % 2 == 1 ? 2 : 0);
        long listAt = triesAt + (long) tries * TRY_ITEM_SIZE;
        ByteCursor list = data.sliceAt(listAt, data.limit() - listAt, "encoded_catch_handler_list");
        int lists = list.uleb128();
        long read = 0;
        for (int h = 0; h < lists; h++) {
            int size = list.sleb128();
            long typed = Math.abs((long) size);
            read += typed + 1;
            if (read > MAX_HANDLERS) {
                throw list.error("more than " + MAX_HANDLERS + " catch handlers");
            }
            for (long k = 0; k < typed; k++) {
                list.uleb128();
                mark(targets, Integer.toUnsignedLong(list.uleb128()), codeUnits);
            }
            if (size <= 0) {
                mark(targets, Integer.toUnsignedLong(list.uleb128()), codeUnits);
            }
        }
    }

    private static void mark(BitSet targets, long pc, int codeUnits) {
        if (pc >= 0 && pc < codeUnits) {
            targets.set((int) pc);
        }
    }
}

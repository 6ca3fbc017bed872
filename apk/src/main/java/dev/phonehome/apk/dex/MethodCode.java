package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * The {@code code_item} of a method. It keeps only a view of the instruction bytes in the
 * mapped DEX; {@link #instructions()} decodes them on each call, so the index itself holds no
 * per-instruction objects.
 */
public final class MethodCode {
    private final ByteCursor data;
    private final int insnsOffset;
    private final int codeUnits;
    private final int registersSize;
    private final int insSize;
    private final int outsSize;

    MethodCode(ByteCursor data, int insnsOffset, int codeUnits, int registersSize, int insSize, int outsSize) {
        this.data = data;
        this.insnsOffset = insnsOffset;
        this.codeUnits = codeUnits;
        this.registersSize = registersSize;
        this.insSize = insSize;
        this.outsSize = outsSize;
    }

    /**
     * Byte offset of the first code unit in the DEX data (the file, or the v41 container), so a
     * finding can cite where its instruction lies: {@code insnsOffset() + 2 * pc}.
     */
    public int insnsOffset() {
        return insnsOffset;
    }

    /** Length of the code in 16-bit units ({@code insns_size}). */
    public int codeUnits() {
        return codeUnits;
    }

    public int registersSize() {
        return registersSize;
    }

    /** Registers holding the arguments (the last {@code insSize} registers). */
    public int insSize() {
        return insSize;
    }

    public int outsSize() {
        return outsSize;
    }

    /**
     * The instructions in code order, payload pseudo-instructions left out. Decoding stops at the
     * first malformed instruction (recorded as a problem of the index when it was built).
     */
    public List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>();
        try {
            CodeReader reader = reader();
            while (reader.next()) {
                out.add(reader.decode());
            }
        } catch (FormatException e) {
            // The same walk ran when the index was built and recorded the problem; keep the prefix.
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The pcs control can reach other than by falling through (branch and switch targets, catch
     * handlers), decoded anew on each call. When the code or its try data cannot be read, every
     * pc is reported, so an analysis that forgets its facts at these points stays sound.
     */
    public BitSet jumpTargets() {
        return JumpTargets.of(data, insnsOffset, codeUnits);
    }

    CodeReader reader() throws FormatException {
        return new CodeReader(data.sliceAt(insnsOffset, 2L * codeUnits, "code_item insns"));
    }
}

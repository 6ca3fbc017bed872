package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/**
 * DEX files of around 100 MB in direct (off-heap) buffers, as a mapped file would be: the index
 * must not copy them, and must allocate nothing in proportion to their tables or code.
 */
class LargeDexTest {
    private static final long MAX_PARSE_ALLOCATION = 4L << 20;

    @Test
    void hundredMegabyteStringTableCostsNothingUntilRead() throws DexFormatException {
        int strings = 25_000_000;
        int stringData = 0x70 + 4 * strings;
        ByteBuffer dex = ByteBuffer.allocateDirect(stringData + 4).order(ByteOrder.LITTLE_ENDIAN);
        header(dex, dex.capacity());
        dex.putInt(56, strings).putInt(60, 0x70);
        for (int i = 0; i < strings; i++) {
            dex.putInt(0x70 + 4 * i, stringData);
        }
        dex.put(stringData, (byte) 2).put(stringData + 1, (byte) 'h').put(stringData + 2, (byte) 'i');
        checksum(dex);

        long before = allocatedBytes();
        DexIndex index = DexFile.parse(dex, "huge.dex").get(0);
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(MAX_PARSE_ALLOCATION);
        assertThat(index.problems()).isEmpty();
        assertThat(index.stringCount()).isEqualTo(strings);
        assertThat(index.string(strings - 1)).isEqualTo("hi");
    }

    @Test
    void eightyMegabyteMethodIsWalkedWithoutPerInstructionAllocation() throws DexFormatException {
        byte[] sender = Fixtures.senderDex();
        DexIndex original = Fixtures.parseOne(sender);
        int hello = original.strings().indexOf("hello");
        Fixtures.CodeOffField run = Fixtures.codeOffFields(sender).stream()
                .filter(f -> name(original, f.methodIdx()).equals("Lcom/example/Sender;->run()V"))
                .findFirst().orElseThrow();
        int codeItem = (sender.length + 3) & ~3;
        int units = 40_000_000;
        ByteBuffer dex = ByteBuffer.allocateDirect(codeItem + 16 + 2 * units).order(ByteOrder.LITTLE_ENDIAN);
        byte[] patched = sender.clone();
        Fixtures.putUleb(patched, run.position(), run.length(), codeItem);
        dex.put(0, patched);
        dex.putInt(32, dex.capacity());
        dex.putShort(codeItem, (short) 1).putShort(codeItem + 2, (short) 1).putInt(codeItem + 12, units);
        int tail = codeItem + 16 + 2 * (units - 3);
        dex.putShort(tail, (short) 0x001a).putShort(tail + 2, (short) hello).putShort(tail + 4, (short) 0x000e);
        checksum(dex);

        long before = allocatedBytes();
        DexIndex index = DexFile.parse(dex, "big.dex").get(0);
        long allocated = allocatedBytes() - before;

        assertThat(index.problems()).isEmpty();
        DexMethod huge = Fixtures.methodNamed(Fixtures.classNamed(index, "com.example.Sender"), "run");
        assertThat(huge.code().codeUnits()).isEqualTo(units);
        assertThat(huge.strings()).containsExactly(new StringUse(units - 3, "hello"));
        assertThat(allocated).isLessThan(MAX_PARSE_ALLOCATION);
    }

    private static String name(DexIndex index, int methodIdx) {
        try {
            return index.methodRef(methodIdx).toString();
        } catch (DexFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static void header(ByteBuffer dex, int fileSize) {
        dex.put(0, "dex\n035\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        dex.putInt(32, fileSize).putInt(36, 0x70).putInt(40, 0x12345678);
    }

    private static void checksum(ByteBuffer dex) {
        Adler32 adler = new Adler32();
        adler.update(dex.duplicate().position(12).limit(dex.getInt(32)));
        dex.putInt(8, (int) adler.getValue());
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}

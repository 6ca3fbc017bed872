package dev.phonehome.apk.dex;

import static dev.phonehome.apk.dex.Fixtures.classNamed;
import static dev.phonehome.apk.dex.Fixtures.methodNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Malformed and adversarial DEX files: only DexFormatException or recorded problems, never a crash or hang. */
class HostileDexTest {

    @Test
    void everyTruncationIsRefusedWithADexFormatException() {
        byte[] dex = Fixtures.senderDex();
        for (int n = 0; n < dex.length; n++) {
            byte[] prefix = Arrays.copyOf(dex, n);
            assertThatThrownBy(() -> DexFile.parse(ByteBuffer.wrap(prefix), "prefix"))
                    .isInstanceOf(DexFormatException.class);
        }
    }

    @Test
    void everyPrefixDeclaredWholeIsRefusedOrIndexedWithProblems() {
        byte[] dex = Fixtures.senderDex();
        for (int n = DexHeader.BASE_SIZE; n < dex.length; n++) {
            byte[] prefix = Arrays.copyOf(dex, n);
            Fixtures.putU32(prefix, 32, n);
            Fixtures.fixChecksum(prefix, 0);
            exercise(prefix);
        }
    }

    @Property(tries = 300)
    void randomByteFlipsYieldOnlyDexFormatExceptionsOrProblems(@ForAll long seed) {
        flipAndExercise(Fixtures.senderDex(), seed);
    }

    @Property(tries = 200)
    void randomByteFlipsInAContainerYieldOnlyDexFormatExceptionsOrProblems(@ForAll long seed) {
        flipAndExercise(DexVersionTest.splitContainer(DexVersionTest.containerDex()), seed);
    }

    private static void flipAndExercise(byte[] dex, long seed) {
        Random random = new Random(seed);
        int flips = 1 + random.nextInt(16);
        for (int k = 0; k < flips; k++) {
            dex[random.nextInt(dex.length)] ^= (byte) (1 + random.nextInt(255));
        }
        if (random.nextBoolean()) {
            Fixtures.fixChecksum(dex, 0);
        }
        exercise(dex);
    }

    @Test
    void lyingStringIdsSizeIsRefusedBeforeAllocating() {
        byte[] dex = Fixtures.senderDex();
        Fixtures.putU32(dex, 56, 0x7fffffff);
        assertThatThrownBy(() -> Fixtures.parseOne(dex)).isInstanceOf(DexFormatException.class)
                .hasMessageContaining("string_ids of 2147483647 items").hasMessageContaining("remaining");
    }

    @Test
    void everyIdTableSizeThatOverrunsTheFileIsRefused() {
        for (int field = 56; field <= 96; field += 8) {
            byte[] dex = Fixtures.senderDex();
            Fixtures.putU32(dex, field, dex.length);
            assertThatThrownBy(() -> Fixtures.parseOne(dex)).isInstanceOf(DexFormatException.class)
                    .hasMessageContaining("needs");
        }
    }

    @Test
    void reverseEndianAndUnknownEndianTagsAreRefused() {
        for (int tag : new int[] {0x78563412, 0}) {
            byte[] dex = Fixtures.senderDex();
            Fixtures.putU32(dex, 40, tag);
            assertThatThrownBy(() -> Fixtures.parseOne(dex)).isInstanceOf(DexFormatException.class)
                    .hasMessageContaining("endian");
        }
    }

    @Test
    void checksumMismatchIsAProblemNotAFailure() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        dex[dex.length - 1] ^= 0x40;
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.problems()).extracting(Problem::code).containsExactly("dex.checksum");
        assertThat(index.classes()).isNotEmpty();
    }

    @Test
    void signatureMismatchIsReportedOnlyWhenAsked() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        dex[dex.length - 1] ^= 0x40;
        Fixtures.fixChecksum(dex, 0);
        assertThat(Fixtures.parseOne(dex).problems()).isEmpty();
        List<DexIndex> checked = DexFile.parse(ByteBuffer.wrap(dex), "classes.dex",
                DexFile.Verification.CHECKSUM_AND_SIGNATURE);
        assertThat(checked.get(0).problems()).extracting(Problem::code).containsExactly("dex.signature");
        assertThat(DexFile.parse(ByteBuffer.wrap(Fixtures.senderDex()), "classes.dex",
                DexFile.Verification.CHECKSUM_AND_SIGNATURE).get(0).problems()).isEmpty();
    }

    @Test
    void trailingBytesAfterTheFileAreAProblem() throws DexFormatException {
        byte[] dex = Arrays.copyOf(Fixtures.senderDex(), Fixtures.senderDex().length + 7);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.size");
            assertThat(p.message()).startsWith("7 bytes");
        });
    }

    @Test
    void methodIndexOutOfRangeLosesOnlyThatCallSite() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        DexMethod send = methodNamed(classNamed(Fixtures.parseOne(dex), "com.example.Sender"), "send");
        Instruction range = send.instructions().stream().filter(i -> i.opcode() == 0x74).findFirst().orElseThrow();
        putU16(dex, send.code().insnsOffset() + 2 * range.pc() + 2, 0xfff0);
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        DexMethod patched = methodNamed(classNamed(index, "com.example.Sender"), "send");
        assertThat(patched.calls()).extracting(c -> c.target().name()).containsExactly("getDefault");
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.index");
            assertThat(p.subject()).contains("Lcom/example/Sender;->send(").contains("pc " + range.pc());
            assertThat(p.message()).contains("index 65520 out of range");
        });
        assertThat(methodNamed(classNamed(index, "com.example.Sender"), "run").calls()).hasSize(1);
    }

    @Test
    void hugeInsnsSizeLosesOnlyThatMethodsCode() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        DexMethod run = methodNamed(classNamed(Fixtures.parseOne(dex), "com.example.Sender"), "run");
        Fixtures.putU32(dex, run.code().insnsOffset() - 4, 0x7fffffff);
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(methodNamed(classNamed(index, "com.example.Sender"), "run").code()).isNull();
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.code");
            assertThat(p.message()).contains("needs 4294967294 bytes");
        });
        assertThat(methodNamed(classNamed(index, "com.example.Sender"), "send").calls()).hasSize(2);
    }

    @Test
    void unusedOpcodeStopsOnlyThatMethod() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        DexMethod run = methodNamed(classNamed(Fixtures.parseOne(dex), "com.example.Sender"), "run");
        dex[run.code().insnsOffset()] = 0x3e;
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.code");
            assertThat(p.message()).contains("pc 0: unused opcode 0x3e");
        });
        assertThat(methodNamed(classNamed(index, "com.example.Sender"), "run").instructions()).isEmpty();
        assertThat(methodNamed(classNamed(index, "com.example.Sender"), "send").calls()).hasSize(2);
    }

    @Test
    void switchPayloadLargerThanTheCodeIsAProblem() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        DexMethod packed = methodNamed(classNamed(Fixtures.parseOne(dex), "com.example.Sender"), "packed");
        Instruction sw = packed.instructions().stream().filter(i -> i.name().equals("packed-switch"))
                .findFirst().orElseThrow();
        int payload = packed.code().insnsOffset() + 2 * (sw.pc() + (int) sw.literal());
        assertThat(dex[payload + 1]).as("packed-switch payload ident").isEqualTo((byte) 1);
        putU16(dex, payload + 2, 0x7fff);
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.code");
            assertThat(p.message()).contains("nop payload needs 65538 code units");
        });
    }

    @Test
    void classWithBadTypeIndexIsDroppedAndTheOthersKept() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        int classDefs = Fixtures.u32(dex, 100);
        Fixtures.putU32(dex, classDefs, 0x00ffffff);
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.classes()).hasSize(Fixtures.u32(dex, 96) - 1);
        assertThat(index.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dex.class");
            assertThat(p.subject()).isEqualTo("classes.dex class_def 0");
        });
    }

    @Test
    void classDataCountsThatLieEndInAProblemAndKeepTheClass() throws DexFormatException {
        byte[] dex = Fixtures.senderDex();
        int classData = Fixtures.u32(dex, Fixtures.u32(dex, 100) + 24);
        dex[classData + 2] = (byte) 0x7f;
        Fixtures.fixChecksum(dex, 0);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.classes()).hasSize(Fixtures.u32(dex, 96));
        assertThat(index.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.code()).isIn("dex.class", "dex.index", "dex.code"));
    }

    /** Parses and touches everything lazily decoded; only DexFormatException may escape parsing. */
    private static void exercise(byte[] dex) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            List<DexIndex> indexes;
            try {
                indexes = DexFile.parse(ByteBuffer.wrap(dex), "fuzzed.dex");
            } catch (DexFormatException e) {
                assertThat(e.structure()).isNotBlank();
                return;
            }
            for (DexIndex index : indexes) {
                for (DexClass c : index.classes()) {
                    for (DexMethod m : c.methods()) {
                        assertThat(m.instructions().size()).isLessThanOrEqualTo(
                                m.code() == null ? 0 : m.code().codeUnits());
                        assertThat(m.code() == null ? 0 : m.code().jumpTargets().length())
                                .isLessThanOrEqualTo(m.code() == null ? 0 : m.code().codeUnits());
                    }
                    try {
                        index.staticValues(c);
                    } catch (DexFormatException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                }
                try {
                    index.strings();
                    index.types();
                    index.methodRefs();
                    index.fieldRefs();
                } catch (DexFormatException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        });
    }

    private static void putU16(byte[] dex, int at, int value) {
        dex[at] = (byte) value;
        dex[at + 1] = (byte) (value >>> 8);
    }
}

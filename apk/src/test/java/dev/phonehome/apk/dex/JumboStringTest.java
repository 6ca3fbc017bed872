package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.DexCompiler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A DEX with more than 65,536 strings, so that D8 must use {@code const-string/jumbo}. */
class JumboStringTest {
    private static final int CLASSES = 3;
    private static final int METHODS = 30;
    private static final int STRINGS_PER_METHOD = 750;
    private static DexIndex index;

    @BeforeAll
    static void compile() throws DexFormatException {
        DexCompiler compiler = new DexCompiler();
        for (int c = 0; c < CLASSES; c++) {
            StringBuilder src = new StringBuilder("package jumbo;\npublic class J" + c + " {\n");
            for (int m = 0; m < METHODS; m++) {
                src.append("  static String[] m").append(m).append("() { return new String[] {");
                for (String s : expected(c, m)) {
                    src.append('"').append(s).append("\",");
                }
                src.append("}; }\n");
            }
            compiler.source("jumbo.J" + c, src.append("}\n").toString());
        }
        index = Fixtures.parseOne(compiler.compileOne());
    }

    private static List<String> expected(int c, int m) {
        List<String> out = new ArrayList<>(STRINGS_PER_METHOD);
        for (int k = 0; k < STRINGS_PER_METHOD; k++) {
            out.add("j" + c + "_" + m + "_" + k);
        }
        return out;
    }

    @Test
    void moreThan65536StringsAreIndexed() {
        assertThat(index.stringCount()).isGreaterThan(65536);
        assertThat(index.problems()).isEmpty();
    }

    @Test
    void jumboAndPlainConstStringsAreAllFoundInOrder() {
        int jumbo = 0;
        for (int c = 0; c < CLASSES; c++) {
            DexClass clazz = Fixtures.classNamed(index, "jumbo.J" + c);
            for (int m = 0; m < METHODS; m++) {
                DexMethod method = Fixtures.methodNamed(clazz, "m" + m);
                assertThat(method.strings()).extracting(StringUse::value).containsExactlyElementsOf(expected(c, m));
                jumbo += (int) method.instructions().stream()
                        .filter(i -> i.name().equals("const-string/jumbo")).count();
            }
        }
        assertThat(jumbo).isGreaterThan(0);
    }

    @Test
    void jumboInstructionCarriesAStringIndexAbove65535() throws DexFormatException {
        for (DexMethod method : Fixtures.classNamed(index, "jumbo.J2").methods()) {
            for (Instruction insn : method.instructions()) {
                if (insn.name().equals("const-string/jumbo")) {
                    assertThat(insn.index()).isGreaterThan(65535);
                    StringUse use = method.strings().stream().filter(u -> u.pc() == insn.pc()).findFirst()
                            .orElseThrow();
                    assertThat(index.string(insn.index())).isEqualTo(use.value()).startsWith("j2_");
                    return;
                }
            }
        }
        throw new AssertionError("no const-string/jumbo in jumbo.J2");
    }
}

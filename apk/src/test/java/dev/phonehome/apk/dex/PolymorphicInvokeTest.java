package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.DexCompiler;
import org.junit.jupiter.api.Test;

class PolymorphicInvokeTest {
    private static final String POLY = "package com.example;\n"
            + "import java.lang.invoke.MethodHandle;\n"
            + "public class Poly {\n"
            + "  static String call(MethodHandle mh) throws Throwable { return (String) mh.invokeExact(\"a\", 1); }\n"
            + "}\n";

    @Test
    void invokePolymorphicNamesTheSignaturePolymorphicMethodAndTheCallSitePrototype() throws DexFormatException {
        DexIndex index = Fixtures.parseOne(new DexCompiler().minApi(26).source("com.example.Poly", POLY).compileOne());
        assertThat(index.version()).isGreaterThanOrEqualTo(38);
        DexMethod call = Fixtures.methodNamed(Fixtures.classNamed(index, "com.example.Poly"), "call");
        assertThat(call.calls()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(InvokeKind.POLYMORPHIC);
            assertThat(c.target().toString())
                    .isEqualTo("Ljava/lang/invoke/MethodHandle;->invokeExact([Ljava/lang/Object;)Ljava/lang/Object;");
        });
        Instruction insn = call.instructions().stream().filter(i -> i.invokeKind() == InvokeKind.POLYMORPHIC)
                .findFirst().orElseThrow();
        assertThat(insn.name()).startsWith("invoke-polymorphic");
        assertThat(insn.registerCount()).isEqualTo(3);
        assertThat(index.proto((int) insn.literal())).isEqualTo("(Ljava/lang/String;I)Ljava/lang/String;");
        assertThat(call.strings()).extracting(StringUse::value).containsExactly("a");
        assertThat(index.problems()).isEmpty();
    }
}

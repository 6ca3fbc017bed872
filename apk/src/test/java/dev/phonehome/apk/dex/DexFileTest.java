package dev.phonehome.apk.dex;

import static dev.phonehome.apk.dex.Fixtures.classNamed;
import static dev.phonehome.apk.dex.Fixtures.methodNamed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DexFileTest {
    private static final MethodRef SEND_TEXT = new MethodRef("Landroid/telephony/SmsManager;", "sendTextMessage",
            "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)V");
    private static DexIndex index;

    @BeforeAll
    static void compile() throws DexFormatException {
        index = Fixtures.parseOne(Fixtures.senderDex());
    }

    @Test
    void wellFormedD8OutputHasNoProblems() {
        assertThat(index.problems()).isEmpty();
        assertThat(index.version()).isBetween(35, 39);
    }

    @Test
    void classesCarryNamesSuperclassInterfacesAndSourceFile() {
        DexClass sender = classNamed(index, "com.example.Sender");
        assertThat(sender.descriptor()).isEqualTo("Lcom/example/Sender;");
        assertThat(sender.superName()).isEqualTo("com.example.Base");
        assertThat(sender.interfaces()).containsExactly("java.lang.Runnable", "java.io.Serializable");
        assertThat(sender.sourceFile()).isEqualTo("Sender.java");
        assertThat(sender.accessFlags() & 0x1).isEqualTo(1);
        DexClass base = classNamed(index, "com.example.Base");
        assertThat(base.superName()).isEqualTo("java.lang.Object");
        assertThat(base.accessFlags() & 0x400).as("abstract").isNotZero();
    }

    @Test
    void libraryClassesAreReferencedButNotDefined() throws DexFormatException {
        assertThat(index.classes()).extracting(DexClass::name).doesNotContain("android.telephony.SmsManager");
        assertThat(index.methodRefs()).contains(SEND_TEXT);
        assertThat(index.types()).contains("Landroid/telephony/SmsManager;");
    }

    @Test
    void rangeInvokeWithSixArgumentsIsACallSite() {
        DexMethod send = methodNamed(classNamed(index, "com.example.Sender"), "send");
        assertThat(send.calls()).extracting(CallSite::target).containsExactly(
                new MethodRef("Landroid/telephony/SmsManager;", "getDefault", "()Landroid/telephony/SmsManager;"),
                SEND_TEXT);
        assertThat(send.calls()).extracting(CallSite::kind).containsExactly(InvokeKind.STATIC, InvokeKind.VIRTUAL);
        Instruction invoke = send.instructions().stream().filter(i -> i.opcode() == 0x74).findFirst().orElseThrow();
        assertThat(invoke.name()).isEqualTo("invoke-virtual/range");
        assertThat(invoke.registerCount()).isEqualTo(6);
        assertThat(invoke.indexKind()).isEqualTo(IndexKind.METHOD);
        assertThat(invoke.pc()).isEqualTo(send.calls().get(1).pc());
    }

    @Test
    void recursiveCallWithWideArgumentsUsesRangeInvoke() {
        DexMethod many = methodNamed(classNamed(index, "com.example.Sender"), "many");
        assertThat(many.calls()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(InvokeKind.STATIC);
            assertThat(c.target().toString()).isEqualTo("Lcom/example/Sender;->many(JJJJLjava/lang/String;)J");
        });
        assertThat(many.instructions()).extracting(Instruction::name).contains("invoke-static/range");
    }

    @Test
    void superInterfaceAndDirectInvokesHaveTheirKinds() {
        DexClass sender = classNamed(index, "com.example.Sender");
        assertThat(methodNamed(sender, "greet").calls()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(InvokeKind.SUPER);
            assertThat(c.target()).isEqualTo(new MethodRef("Lcom/example/Base;", "greet", "()V"));
        });
        assertThat(methodNamed(sender, "viaInterface").calls()).singleElement()
                .extracting(CallSite::kind).isEqualTo(InvokeKind.INTERFACE);
        assertThat(methodNamed(sender, "<init>").calls()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(InvokeKind.DIRECT);
            assertThat(c.target().name()).isEqualTo("<init>");
        });
    }

    @Test
    void constStringsComeInInstructionOrderWithTheirPc() {
        DexMethod run = methodNamed(classNamed(index, "com.example.Sender"), "run");
        assertThat(run.strings()).extracting(StringUse::value).containsExactly("+123", "hello");
        assertThat(run.strings().get(0).pc()).isLessThan(run.strings().get(1).pc());
        assertThat(run.strings().get(1).pc()).isLessThan(run.calls().get(0).pc());
    }

    @Test
    void switchAndArrayPayloadsAreSkippedBySize() {
        DexClass sender = classNamed(index, "com.example.Sender");
        assertThat(methodNamed(sender, "packed").strings()).extracting(StringUse::value)
                .containsExactlyInAnyOrder("one", "two", "three", "four", "other");
        assertThat(methodNamed(sender, "sparse").strings()).extracting(StringUse::value)
                .containsExactlyInAnyOrder("s1", "s1000", "s100000", "sdefault");
        assertThat(methodNamed(sender, "packed").instructions()).extracting(Instruction::name)
                .contains("packed-switch");
        assertThat(methodNamed(sender, "sparse").instructions()).extracting(Instruction::name)
                .contains("sparse-switch");
        DexMethod array = methodNamed(sender, "array");
        assertThat(array.instructions()).extracting(Instruction::name).contains("fill-array-data")
                .last().isEqualTo("return-object");
        assertThat(array.instructions()).extracting(Instruction::opcode).doesNotContain(0);
    }

    @Test
    void decodedInstructionsAllowConstantPropagation() throws DexFormatException {
        DexMethod run = methodNamed(classNamed(index, "com.example.Sender"), "run");
        List<Instruction> code = run.instructions();
        Instruction first = code.get(0);
        assertThat(first.name()).isEqualTo("const-string");
        assertThat(index.string(first.index())).isEqualTo("+123");
        Instruction call = code.stream().filter(i -> i.invokeKind() != null).findFirst().orElseThrow();
        assertThat(index.methodRef(call.index()).name()).isEqualTo("send");
        assertThat(call.register(0)).isEqualTo(first.register(0));
    }

    @Test
    void unicodeStringsDecodeSurrogatePairsAndEmbeddedNul() {
        DexMethod unicode = methodNamed(classNamed(index, "com.example.Sender"), "unicode");
        assertThat(unicode.strings()).extracting(StringUse::value)
                .containsExactly("Gr\u00fc\u00dfe \u0000 nul \ud83d\ude00 \u4e2d\u6587");
    }

    @Test
    void lambdaBodyCallIsIndexedInItsSyntheticMethod() {
        boolean found = index.classes().stream().flatMap(c -> c.methods().stream())
                .anyMatch(m -> m.strings().stream().anyMatch(s -> s.value().equals("+1lambda"))
                        && m.calls().stream().anyMatch(c -> c.target().name().equals("send")));
        assertThat(found).isTrue();
    }

    @Test
    void abstractAndNativeMethodsHaveNoCode() {
        DexMethod nativeMethod = methodNamed(classNamed(index, "com.example.Sender"), "nativeMethod");
        assertThat(nativeMethod.code()).isNull();
        assertThat(nativeMethod.instructions()).isEmpty();
        assertThat(methodNamed(classNamed(index, "com.example.Base"), "nothing").code()).isNull();
    }

    @Test
    void fieldRefsAndStringsTablesAreComplete() throws DexFormatException {
        assertThat(index.fieldRefs()).extracting(FieldRef::toString)
                .contains("Ljava/lang/System;->out:Ljava/io/PrintStream;");
        assertThat(index.strings()).contains("+123", "hello", "sendTextMessage").isSorted();
        assertThat(index.strings()).hasSize(index.stringCount());
    }
}

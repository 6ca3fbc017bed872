package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code invoke-custom} as found in real output: okhttp built by dx for DEX 038, which Debian's
 * androguard package ships as a test file (D8 itself always desugars lambdas).
 */
class InvokeCustomTest {
    private static final Path OKHTTP = Path.of("/usr/share/doc/androguard/examples/tests/okhttp.dx.038.dex");

    @Test
    void lambdaCallSiteNamesBootstrapAndImplementationMethods() throws IOException, DexFormatException {
        assumeTrue(Files.isReadable(OKHTTP), "androguard examples not installed");
        DexIndex index = Fixtures.parseOne(Files.readAllBytes(OKHTTP));
        assertThat(index.version()).isEqualTo(38);
        assertThat(index.problems()).isEmpty();
        DexMethod threadFactory = Fixtures.methodNamed(Fixtures.classNamed(index, "okhttp3.internal.Util"),
                "threadFactory");
        assertThat(threadFactory.calls()).extracting(CallSite::pc).containsOnly(0);
        assertThat(threadFactory.calls()).extracting(CallSite::kind)
                .containsExactly(InvokeKind.CUSTOM, InvokeKind.HANDLE);
        assertThat(threadFactory.calls().get(0).target().toString()).startsWith(
                "Ljava/lang/invoke/LambdaMetafactory;->metafactory(Ljava/lang/invoke/MethodHandles$Lookup;");
        assertThat(threadFactory.calls().get(1).target()).isEqualTo(new MethodRef("Lokhttp3/internal/Util;",
                "lambda$threadFactory$0", "(Ljava/lang/String;ZLjava/lang/Runnable;)Ljava/lang/Thread;"));
        Instruction invoke = threadFactory.instructions().get(0);
        assertThat(invoke.name()).isEqualTo("invoke-custom");
        assertThat(invoke.indexKind()).isEqualTo(IndexKind.CALL_SITE);
        assertThat(index.callSite(invoke.index())).hasSize(2);
        assertThat(invoke.registers()).containsExactly(1, 2);
    }

    @Test
    void sameLibraryBuiltByD8HasNoCallSitesLeft() throws IOException, DexFormatException {
        Path d8 = OKHTTP.resolveSibling("okhttp.d8.038.dex");
        assumeTrue(Files.isReadable(d8), "androguard examples not installed");
        DexIndex index = DexFile.parse(ByteBuffer.wrap(Files.readAllBytes(d8)), "okhttp.d8.038.dex").get(0);
        assertThat(index.classes()).flatExtracting(DexClass::methods).flatExtracting(DexMethod::calls)
                .extracting(CallSite::kind).doesNotContain(InvokeKind.CUSTOM).contains(InvokeKind.VIRTUAL);
    }
}

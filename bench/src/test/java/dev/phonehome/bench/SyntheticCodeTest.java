package dev.phonehome.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexFile;
import dev.phonehome.apk.dex.DexIndex;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCodeTest {

    @Test
    void everyGeneratedClassAndMethodIsInTheDex() throws Exception {
        List<byte[]> dex = new SyntheticCode(3, 2).dex();

        assertThat(dex).hasSize(1);
        List<DexIndex> indexes = DexFile.parse(ByteBuffer.wrap(dex.get(0)), "synthetic.dex");
        assertThat(indexes).hasSize(1);
        DexIndex index = indexes.get(0);
        assertThat(index.problems()).isEmpty();
        assertThat(index.classes()).extracting(DexClass::name)
                .containsExactlyInAnyOrder("bench.gen.p0.C0000", "bench.gen.p0.C0001", "bench.gen.p0.C0002");
        assertThat(index.classes()).allSatisfy(c -> assertThat(c.methods()).extracting(m -> m.ref().name())
                .contains("m0", "m1"));
        assertThat(index.strings()).contains("C0001.m1 reports to https://collector1.example/v1");
    }

    @Test
    void classesAreSpreadOverPackagesOfOneHundred() {
        assertThat(SyntheticCode.qualifiedName(99)).isEqualTo("bench.gen.p0.C0099");
        assertThat(SyntheticCode.qualifiedName(100)).isEqualTo("bench.gen.p1.C0100");
    }

    @Test
    void anEmptyProgramIsRefused() {
        assertThatThrownBy(() -> new SyntheticCode(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticCode(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

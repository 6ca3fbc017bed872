package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phonehome.testkit.DexCompiler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Static field initial values ({@code static_values_off}) and the jump targets of method code. */
class StaticValuesTest {
    private static final byte[] DEX = new DexCompiler().source("com.example.Sdk", """
            package com.example;
            public class Sdk {
                public static final String VERSION = "6.8.0";
                public static final int BUILD = -42;
                public static final long BIG = 1L << 40;
                public static final boolean DEBUG = true;
                public static final char MARK = 'x';
                public static final byte SMALL = -1;
                public static final double PI = 3.14;
                public static final String LATE = "after-double";
                static String computed = String.valueOf(System.nanoTime());
                static int branchy(int k) {
                    switch (k) { case 1: return 10; case 7: return 70; case 20: return 200; default: break; }
                    try { return Integer.parseInt("" + k); } catch (RuntimeException e) { return -1; }
                }
            }
            """).compileOne();

    @Test
    void constantsOfEveryKeptKindAreReadInFieldOrder() throws DexFormatException {
        DexIndex index = Fixtures.parseOne(DEX.clone());
        Map<String, Object> values = new LinkedHashMap<>();
        for (StaticValue v : index.staticValues(Fixtures.classNamed(index, "com.example.Sdk"))) {
            values.put(v.field().name(), v.value());
        }
        assertThat(values).containsEntry("VERSION", "6.8.0").containsEntry("BUILD", -42L)
                .containsEntry("BIG", 1L << 40).containsEntry("DEBUG", true).containsEntry("MARK", (long) 'x')
                .containsEntry("SMALL", -1L).containsEntry("LATE", "after-double")
                .doesNotContainKeys("PI", "computed");
    }

    @Test
    void jumpTargetsCoverSwitchCasesAndCatchHandlers() throws DexFormatException {
        DexIndex index = Fixtures.parseOne(DEX.clone());
        DexMethod branchy = Fixtures.methodNamed(Fixtures.classNamed(index, "com.example.Sdk"), "branchy");
        BitSet targets = branchy.code().jumpTargets();
        List<Instruction> code = branchy.instructions();
        long moveExceptions = code.stream().filter(i -> i.name().equals("move-exception"))
                .filter(i -> targets.get(i.pc())).count();
        assertThat(moveExceptions).isEqualTo(1);
        assertThat(targets.cardinality()).isGreaterThanOrEqualTo(4);
        assertThat(targets.get(0)).isFalse();
    }

    @Property(tries = 300)
    void randomByteFlipsYieldOnlyDexFormatExceptions(@ForAll long seed) {
        byte[] dex = DEX.clone();
        Random random = new Random(seed);
        for (int k = 0, flips = 1 + random.nextInt(16); k < flips; k++) {
            dex[random.nextInt(dex.length)] ^= (byte) (1 + random.nextInt(255));
        }
        Fixtures.fixChecksum(dex, 0);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            List<DexIndex> indexes;
            try {
                indexes = DexFile.parse(ByteBuffer.wrap(dex), "fuzzed.dex");
            } catch (DexFormatException e) {
                return;
            }
            for (DexIndex index : indexes) {
                for (DexClass c : index.classes()) {
                    try {
                        assertThat(index.staticValues(c).size()).isLessThanOrEqualTo(StaticValues.MAX_VALUES);
                    } catch (DexFormatException e) {
                        assertThat(e.structure()).isNotBlank();
                    }
                    c.methods().stream().filter(m -> m.code() != null).forEach(m -> m.code().jumpTargets());
                }
            }
        });
    }
}

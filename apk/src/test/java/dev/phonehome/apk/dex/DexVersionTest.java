package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.testkit.DexCompiler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DexVersionTest {
    private static final String CONTAINER_PROPERTY = "com.android.tools.r8.dexContainerExperiment";

    @ParameterizedTest
    @ValueSource(strings = {"035", "037", "038", "039", "040"})
    void headersOfEveryVersionUpTo040AreRead(String version) throws DexFormatException {
        byte[] dex = withVersion(Fixtures.senderDex(), 0, version);
        DexIndex index = Fixtures.parseOne(dex);
        assertThat(index.version()).isEqualTo(Integer.parseInt(version));
        assertThat(index.problems()).isEmpty();
        assertThat(index.classes()).extracting(DexClass::name).contains("com.example.Sender", "com.example.Base");
    }

    @ParameterizedTest
    @ValueSource(strings = {"034", "042", "0a5"})
    void unknownVersionsAreRefused(String version) {
        byte[] dex = withVersion(Fixtures.senderDex(), 0, version);
        assertThatThrownBy(() -> Fixtures.parseOne(dex)).isInstanceOf(DexFormatException.class)
                .hasMessageContaining("DEX header");
    }

    @Test
    void d8ContainerOutputIsVersion41WithItsOwnHeaderFields() throws DexFormatException {
        byte[] container = containerDex();
        assertThat(new String(container, 4, 3, StandardCharsets.US_ASCII)).isEqualTo("041");
        assertThat(Fixtures.u32(container, 36)).as("header_size").isEqualTo(0x78);
        DexIndex index = Fixtures.parseOne(container);
        assertThat(index.version()).isEqualTo(41);
        assertThat(index.name()).isEqualTo("classes.dex");
        assertThat(index.problems()).isEmpty();
        DexMethod run = Fixtures.methodNamed(Fixtures.classNamed(index, "com.example.Sender"), "run");
        assertThat(run.strings()).extracting(StringUse::value).containsExactly("+123", "hello");
    }

    @Test
    void containerOfTwoDexFilesSharingIdTablesGivesTwoIndexes() throws DexFormatException {
        byte[] container = splitContainer(containerDex());
        List<DexIndex> indexes = DexFile.parse(ByteBuffer.wrap(container), "classes.dex");
        assertThat(indexes).extracting(DexIndex::name).containsExactly("classes.dex[0]", "classes.dex[1]");
        assertThat(indexes).allSatisfy(i -> assertThat(i.problems()).isEmpty());
        List<String> first = indexes.get(0).classes().stream().map(DexClass::name).toList();
        List<String> second = indexes.get(1).classes().stream().map(DexClass::name).toList();
        assertThat(first).hasSize(1);
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        DexIndex withSender = first.contains("com.example.Sender") ? indexes.get(0) : indexes.get(1);
        DexMethod send = Fixtures.methodNamed(Fixtures.classNamed(withSender, "com.example.Sender"), "send");
        assertThat(send.calls()).extracting(c -> c.target().name()).containsExactly("getDefault", "sendTextMessage");
    }

    @Test
    void containerChecksumsAreVerifiedPerDex() throws DexFormatException {
        byte[] container = splitContainer(containerDex());
        container[Fixtures.u32(container, 32) + 20] ^= 1;
        List<DexIndex> indexes = DexFile.parse(ByteBuffer.wrap(container), "classes.dex");
        assertThat(indexes.get(0).problems()).isEmpty();
        assertThat(indexes.get(1).problems()).extracting(p -> p.code()).containsExactly("dex.checksum");
    }

    @Test
    void containerHeaderAtTheWrongOffsetIsRefused() {
        byte[] container = splitContainer(containerDex());
        int second = Fixtures.u32(container, 32);
        Fixtures.putU32(container, second + 116, second + 4);
        assertThatThrownBy(() -> DexFile.parse(ByteBuffer.wrap(container), "classes.dex"))
                .isInstanceOf(DexFormatException.class).hasMessageContaining("header_offset");
    }

    @Test
    void containerLargerThanTheBufferIsRefused() {
        byte[] container = containerDex();
        Fixtures.putU32(container, 112, container.length + 1);
        assertThatThrownBy(() -> DexFile.parse(ByteBuffer.wrap(container), "classes.dex"))
                .isInstanceOf(DexFormatException.class).hasMessageContaining("container_size");
    }

    private static byte[] container;

    /** The sender program as D8 writes it in the v41 container format (one DEX); a fresh copy. */
    static synchronized byte[] containerDex() {
        if (container == null) {
            container = compileContainer();
        }
        return container.clone();
    }

    private static byte[] compileContainer() {
        System.setProperty(CONTAINER_PROPERTY, "true");
        try {
            return new DexCompiler().minApi(35)
                    .librarySource("android.telephony.SmsManager", Fixtures.SMS_MANAGER)
                    .source("com.example.Sender", Fixtures.SENDER)
                    .source("com.example.Base", Fixtures.BASE)
                    .compileOne();
        } finally {
            System.clearProperty(CONTAINER_PROPERTY);
        }
    }

    /**
     * Splits a one-DEX v41 container into two DEX files as the format allows: the first keeps the
     * first class definition, a second header appended after it takes the others. Both share the
     * id tables and data, which v41 addresses from the start of the container.
     */
    static byte[] splitContainer(byte[] single) {
        int headerSize = 0x78;
        byte[] out = java.util.Arrays.copyOf(single, single.length + headerSize);
        System.arraycopy(single, 0, out, single.length, headerSize);
        int second = single.length;
        int classDefs = Fixtures.u32(single, 96);
        int classDefsOff = Fixtures.u32(single, 100);
        Fixtures.putU32(out, 96, 1);
        Fixtures.putU32(out, 112, out.length);
        Fixtures.putU32(out, second + 32, headerSize);
        Fixtures.putU32(out, second + 96, classDefs - 1);
        Fixtures.putU32(out, second + 100, classDefsOff + 32);
        Fixtures.putU32(out, second + 112, out.length);
        Fixtures.putU32(out, second + 116, second);
        Fixtures.fixChecksum(out, 0);
        Fixtures.fixChecksum(out, second);
        return out;
    }

    static byte[] withVersion(byte[] dex, int header, String version) {
        byte[] out = dex.clone();
        byte[] v = version.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, out, header + 4, 3);
        Fixtures.fixChecksum(out, header);
        return out;
    }
}

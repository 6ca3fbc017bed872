package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import org.junit.jupiter.api.Test;

class Mutf8Test {
    private static String decode(int... bytes) throws FormatException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Mutf8.read(ByteCursor.littleEndian(b, "string_data_item"), bytes.length);
    }

    @Test
    void asciiTwoAndThreeByteForms() throws FormatException {
        assertThat(decode('h', 'i', 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0)).isEqualTo("hi\u00e9\u4e2d");
    }

    @Test
    void nulIsWrittenAsTwoBytes() throws FormatException {
        assertThat(decode('a', 0xC0, 0x80, 'b', 0)).isEqualTo("a\u0000b");
    }

    @Test
    void supplementaryCharactersAreSurrogatePairsOfThreeBytesEach() throws FormatException {
        String grinning = decode(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, 0);
        assertThat(grinning).isEqualTo("\ud83d\ude00");
        assertThat(grinning.codePointAt(0)).isEqualTo(0x1F600);
    }

    @Test
    void stopsAtTheFirstZeroByte() throws FormatException {
        assertThat(decode('a', 0, 'b', 0)).isEqualTo("a");
    }

    @Test
    void malformedSequencesBecomeReplacementCharacters() throws FormatException {
        assertThat(decode(0x80, 'a', 0)).isEqualTo("\ufffda");
        assertThat(decode(0xC3, 'a', 0)).isEqualTo("\ufffda");
        assertThat(decode(0xF0, 0x9F, 0x98, 0x80, 0)).isEqualTo("\ufffd\ufffd\ufffd\ufffd");
    }

    @Test
    void sequenceCutByTheTerminatorEndsTheString() throws FormatException {
        assertThat(decode('x', 0xE4, 0xB8, 0, 'y', 0)).isEqualTo("x\ufffd");
    }

    @Test
    void missingTerminatorIsAFormatException() {
        assertThatThrownBy(() -> decode('a', 'b')).isInstanceOf(FormatException.class)
                .hasMessageContaining("needs 1 bytes, remaining 0");
    }

    @Test
    void lyingLengthDoesNotSizeTheBuffer() throws FormatException {
        byte[] b = {'o', 'k', 0};
        assertThat(Mutf8.read(ByteCursor.littleEndian(b, "s"), Integer.MAX_VALUE)).isEqualTo("ok");
        assertThat(Mutf8.read(ByteCursor.littleEndian(b, "s"), 0)).isEqualTo("ok");
    }
}

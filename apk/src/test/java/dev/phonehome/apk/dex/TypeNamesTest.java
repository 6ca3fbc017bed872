package dev.phonehome.apk.dex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {
    @Test
    void classArrayAndPrimitiveDescriptors() {
        assertThat(TypeNames.javaName("Landroid/telephony/SmsManager;")).isEqualTo("android.telephony.SmsManager");
        assertThat(TypeNames.javaName("[[Ljava/lang/String;")).isEqualTo("java.lang.String[][]");
        assertThat(TypeNames.javaName("[I")).isEqualTo("int[]");
        assertThat(TypeNames.javaName("J")).isEqualTo("long");
        assertThat(TypeNames.javaName("Lcom/example/Outer$Inner;")).isEqualTo("com.example.Outer$Inner");
    }

    @Test
    void malformedDescriptorsAreKeptAsTheyAre() {
        assertThat(TypeNames.javaName("Q")).isEqualTo("Q");
        assertThat(TypeNames.javaName("[")).isEqualTo("[");
        assertThat(TypeNames.javaName("Lno/semicolon")).isEqualTo("Lno/semicolon");
        assertThat(TypeNames.javaName("")).isEqualTo("");
    }
}

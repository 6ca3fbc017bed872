package dev.phonehome.apk.dex;

import dev.phonehome.testkit.DexCompiler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Adler32;

/** DEX fixtures compiled by the tests themselves (javac + D8), and helpers to patch them. */
final class Fixtures {
    static final String SMS_MANAGER = "package android.telephony;\n"
            + "public class SmsManager {\n"
            + "  public static SmsManager getDefault() { return null; }\n"
            + "  public void sendTextMessage(String to, String sc, String text, Object sent, Object delivered) {}\n"
            + "}\n";

    static final String SENDER = "package com.example;\n"
            + "import android.telephony.SmsManager;\n"
            + "public class Sender extends Base implements Runnable, java.io.Serializable {\n"
            + "  public void run() { send(\"+123\", \"hello\"); }\n"
            + "  static void send(String to, String text) {\n"
            + "    SmsManager.getDefault().sendTextMessage(to, null, text, null, null);\n"
            + "  }\n"
            + "  @Override void greet() { super.greet(); }\n"
            + "  static long many(long a, long b, long c, long d, String e) { return many(a + 1, b, c, d, e); }\n"
            + "  static void viaInterface(Runnable r) { r.run(); }\n"
            + "  static String packed(int k) {\n"
            + "    switch (k) { case 1: return \"one\"; case 2: return \"two\"; case 3: return \"three\";\n"
            + "      case 4: return \"four\"; default: return \"other\"; }\n"
            + "  }\n"
            + "  static String sparse(int k) {\n"
            + "    switch (k) { case 1: return \"s1\"; case 1000: return \"s1000\"; case 100000: return \"s100000\";\n"
            + "      default: return \"sdefault\"; }\n"
            + "  }\n"
            + "  static int[] array() { return new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; }\n"
            + "  static String afterPayloads() { int[] a = array(); return \"after\" + a.length + packed(a[0]); }\n"
            + "  static String unicode() { return \"Gr\\u00fc\\u00dfe \\u0000 nul \\ud83d\\ude00 \\u4e2d\\u6587\"; }\n"
            + "  static Runnable lambda() { return () -> send(\"+1lambda\", \"from lambda\"); }\n"
            + "  native void nativeMethod();\n"
            + "  void nothing() {}\n"
            + "}\n";

    static final String BASE = "package com.example;\n"
            + "abstract class Base { void greet() { System.out.println(\"hi\"); } abstract void nothing(); "
            + "void nothing2() {} }\n";

    private Fixtures() {
    }

    private static byte[] sender;

    /** The sender program as one DEX file; a fresh copy that callers may patch. */
    static synchronized byte[] senderDex() {
        if (sender == null) {
            sender = compileSender();
        }
        return sender.clone();
    }

    private static byte[] compileSender() {
        return new DexCompiler()
                .librarySource("android.telephony.SmsManager", SMS_MANAGER)
                .source("com.example.Sender", SENDER)
                .source("com.example.Base", BASE)
                .compileOne();
    }

    static DexIndex parseOne(byte[] dex) throws DexFormatException {
        List<DexIndex> all = DexFile.parse(ByteBuffer.wrap(dex), "classes.dex");
        if (all.size() != 1) {
            throw new AssertionError("expected one DEX, got " + all.size());
        }
        return all.get(0);
    }

    static DexClass classNamed(DexIndex index, String javaName) {
        return index.classes().stream().filter(c -> c.name().equals(javaName)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + javaName));
    }

    static DexMethod methodNamed(DexClass c, String name) {
        return c.methods().stream().filter(m -> m.ref().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name + " in " + c.name()));
    }

    /** Where a method's {@code code_off} is written in {@code class_data_item}: a ULEB128 of {@code length} bytes. */
    record CodeOffField(int methodIdx, int position, int length, int codeOff) {
    }

    /** Walks every class_data_item of a well-formed DEX (test-side, independent of the reader). */
    static List<CodeOffField> codeOffFields(byte[] dex) {
        ByteBuffer b = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        List<CodeOffField> out = new java.util.ArrayList<>();
        for (int c = 0; c < u32(dex, 96); c++) {
            int classData = u32(dex, u32(dex, 100) + 32 * c + 24);
            if (classData == 0) {
                continue;
            }
            b.position(classData);
            int fields = uleb(b) + uleb(b);
            int[] groups = {uleb(b), uleb(b)};
            for (int f = 0; f < fields; f++) {
                uleb(b);
                uleb(b);
            }
            for (int group : groups) {
                int idx = 0;
                for (int m = 0; m < group; m++) {
                    idx += uleb(b);
                    uleb(b);
                    int at = b.position();
                    int off = uleb(b);
                    out.add(new CodeOffField(idx, at, b.position() - at, off));
                }
            }
        }
        return out;
    }

    static int uleb(ByteBuffer b) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b.get() & 0xFF;
            result |= (x & 0x7F) << shift;
            if (x < 0x80) {
                return result;
            }
        }
    }

    /** {@code value} as a ULEB128 of exactly {@code length} bytes (padded with continuation bits). */
    static void putUleb(byte[] dex, int at, int length, int value) {
        for (int k = 0; k < length; k++) {
            int bits = (value >>> (7 * k)) & 0x7F;
            dex[at + k] = (byte) (k < length - 1 ? bits | 0x80 : bits);
        }
        if (value >>> (7 * length) != 0) {
            throw new IllegalArgumentException(value + " does not fit " + length + " ULEB128 bytes");
        }
    }

    static int u32(byte[] dex, int at) {
        return ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static void putU32(byte[] dex, int at, int value) {
        ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    /** Recomputes the Adler-32 checksum of the DEX whose header is at {@code header}. */
    static void fixChecksum(byte[] dex, int header) {
        int size = Math.min(u32(dex, header + 32), dex.length - header);
        if (size < 12) {
            return;
        }
        Adler32 adler = new Adler32();
        adler.update(dex, header + 12, size - 12);
        putU32(dex, header + 8, (int) adler.getValue());
    }
}

package dev.phonehome.bench;

import dev.phonehome.testkit.DexCompiler;
import java.util.List;

/**
 * Generated Java programs compiled to DEX with D8: large, ordinary-looking inputs for the
 * throughput and heap measurements. Every method holds its own string constant, a call into
 * another class, a field update and a branch, so the string, method, field and code tables all
 * grow with the program. Compiling takes seconds to minutes, so callers build once per run.
 *
 * @param classes          classes generated, spread over packages of {@link #CLASSES_PER_PACKAGE}
 * @param methodsPerClass  static methods per class
 */
public record SyntheticCode(int classes, int methodsPerClass) {
    static final int CLASSES_PER_PACKAGE = 100;

    public SyntheticCode {
        if (classes < 1 || methodsPerClass < 1) {
            throw new IllegalArgumentException("needs at least one class and one method");
        }
    }

    /** The DEX files D8 writes for the program ({@code classes.dex}, {@code classes2.dex}, ...). */
    public List<byte[]> dex() {
        DexCompiler compiler = new DexCompiler().minApi(24);
        for (int c = 0; c < classes; c++) {
            compiler.source(qualifiedName(c), source(c));
        }
        return compiler.compile();
    }

    /** Java name of generated class {@code c}, e.g. {@code bench.gen.p3.C0312}. */
    public static String qualifiedName(int c) {
        return packageName(c) + "." + simpleName(c);
    }

    private static String packageName(int c) {
        return "bench.gen.p" + (c / CLASSES_PER_PACKAGE);
    }

    private static String simpleName(int c) {
        return String.format("C%04d", c);
    }

    private String source(int c) {
        String callee = qualifiedName((c + 1) % classes);
        StringBuilder java = new StringBuilder()
                .append("package ").append(packageName(c)).append(";\n")
                .append("public final class ").append(simpleName(c)).append(" {\n")
                .append("  static long counter;\n");
        for (int m = 0; m < methodsPerClass; m++) {
            java.append("  public static String m").append(m).append("(int depth) {\n")
                    .append("    StringBuilder out = new StringBuilder(\"").append(simpleName(c)).append(".m").append(m)
                    .append(" reports to https://collector").append(c % 97).append(".example/v").append(m)
                    .append("\");\n")
                    .append("    counter += depth;\n")
                    .append("    if (depth > 0) {\n")
                    .append("      out.append(").append(callee).append(".m").append((m + 1) % methodsPerClass)
                    .append("(depth - 1));\n")
                    .append("    }\n")
                    .append("    return out.toString();\n")
                    .append("  }\n");
        }
        return java.append("}\n").toString();
    }
}

package dev.phonehome.apk.dex;

import java.util.List;
import java.util.Objects;

/**
 * A class defined in a DEX file.
 *
 * @param descriptor  type descriptor, e.g. {@code Lcom/example/Sender;}
 * @param name        Java name, e.g. {@code com.example.Sender}
 * @param superName   Java name of the superclass, or null (only {@code java.lang.Object} has none)
 * @param interfaces  Java names of the directly implemented interfaces, in declaration order
 * @param accessFlags {@code ACC_*} flags of the class definition
 * @param sourceFile  the source file name the compiler recorded, or null
 * @param methods     direct then virtual methods, as {@code class_data_item} lists them
 */
public record DexClass(String descriptor, String name, String superName, List<String> interfaces, int accessFlags,
        String sourceFile, List<DexMethod> methods) {
    public DexClass {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(name, "name");
        interfaces = List.copyOf(interfaces);
        methods = List.copyOf(methods);
    }
}

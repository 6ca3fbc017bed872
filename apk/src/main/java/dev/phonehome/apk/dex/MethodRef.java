package dev.phonehome.apk.dex;

import java.util.Objects;

/**
 * A method reference as DEX writes it: owner type descriptor, name and prototype descriptor.
 *
 * @param owner      type descriptor of the declaring class, e.g. {@code Landroid/telephony/SmsManager;}
 * @param name       method name, e.g. {@code sendTextMessage}
 * @param descriptor prototype, e.g. {@code (Ljava/lang/String;)V}
 */
public record MethodRef(String owner, String name, String descriptor) implements Comparable<MethodRef> {
    public MethodRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Smali notation, e.g. {@code Landroid/telephony/SmsManager;->sendTextMessage(...)V}. */
    @Override
    public String toString() {
        return owner + "->" + name + descriptor;
    }

    @Override
    public int compareTo(MethodRef o) {
        int c = owner.compareTo(o.owner);
        if (c != 0) {
            return c;
        }
        c = name.compareTo(o.name);
        return c != 0 ? c : descriptor.compareTo(o.descriptor);
    }
}

package dev.phonehome.apk.dex;

import java.util.Objects;

/**
 * A field reference: owner type descriptor, name and field type descriptor.
 *
 * @param owner type descriptor of the declaring class
 * @param name  field name
 * @param type  type descriptor of the field, e.g. {@code Ljava/lang/String;}
 */
public record FieldRef(String owner, String name, String type) {
    public FieldRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Smali notation, e.g. {@code Landroid/os/Build;->MODEL:Ljava/lang/String;}. */
    @Override
    public String toString() {
        return owner + "->" + name + ":" + type;
    }
}

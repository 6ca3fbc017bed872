package dev.phonehome.apk.dex;

/** How a call site reaches its target; {@code /range} variants map to the same kind. */
public enum InvokeKind {
    VIRTUAL,
    SUPER,
    DIRECT,
    STATIC,
    INTERFACE,
    POLYMORPHIC,
    /** {@code invoke-custom}: the target is the call site's bootstrap method. */
    CUSTOM,
    /** A method handle naming the target: an {@code invoke-custom} argument or {@code const-method-handle}. */
    HANDLE
}

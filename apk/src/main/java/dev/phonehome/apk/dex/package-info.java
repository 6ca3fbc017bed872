/**
 * Zero-copy reader of DEX files (versions 035 to 041, including v41 containers): classes,
 * methods, call sites and string constants, read straight from a mapped or sliced
 * {@link java.nio.ByteBuffer}. Entry point: {@link dev.phonehome.apk.dex.DexFile#parse}.
 */
package dev.phonehome.apk.dex;

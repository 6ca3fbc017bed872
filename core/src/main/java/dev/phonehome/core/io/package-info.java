/** Shared primitives for reading untrusted binary input: a bounds-checked cursor and the format error type. */
package dev.phonehome.core.io;

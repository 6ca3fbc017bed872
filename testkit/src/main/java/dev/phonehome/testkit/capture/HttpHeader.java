package dev.phonehome.testkit.capture;

/** One header field of a generated HTTP message, in the order it is sent. */
public record HttpHeader(String name, String value) {
}

package dev.phonehome.traffic.tls;

/** A decrypted record: its real content type (TLS 1.3 hides it inside) and its data. */
record Plaintext(int type, byte[] data) {
}

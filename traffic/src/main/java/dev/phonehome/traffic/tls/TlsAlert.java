package dev.phonehome.traffic.tls;

/**
 * An alert seen on the connection.
 *
 * @param fromClient  sent by the client
 * @param level       1 warning, 2 fatal
 * @param description RFC 8446 AlertDescription code, e.g. 0 close_notify, 40 handshake_failure
 * @param encrypted   it was read from a decrypted record (as opposed to sent in the clear)
 */
public record TlsAlert(boolean fromClient, int level, int description, boolean encrypted) {
}

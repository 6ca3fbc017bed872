package dev.phonehome.testkit.capture;

/**
 * Bytes one side of a connection sends before it waits for the other: the unit that becomes TCP
 * segments.
 *
 * @param fromClient whether the client sent them
 * @param bytes      what went on the wire
 */
public record Flight(boolean fromClient, byte[] bytes) {
    public Flight {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}

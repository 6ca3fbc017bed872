package dev.phonehome.traffic.http;

/** Body bytes a connection may hold at once, shared by its open messages (HTTP/2 interleaves many). */
final class ConnectionMemory {
    private long available;

    ConnectionMemory(long limit) {
        this.available = limit;
    }

    /** Grants up to {@code wanted} bytes. */
    int take(int wanted) {
        int granted = (int) Math.min(wanted, available);
        available -= granted;
        return granted;
    }

    void give(int bytes) {
        available += bytes;
    }
}

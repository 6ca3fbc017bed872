package dev.phonehome.traffic.http;

/** What is known of one HTTP/2 stream while it is open. */
final class Http2Stream {
    final int id;
    final ExchangeDraft draft;
    boolean requestSeen;
    boolean clientEnded;
    boolean finalResponseSeen;
    boolean serverEnded;

    Http2Stream(int id, ExchangeDraft draft) {
        this.id = id;
        this.draft = draft;
        draft.httpVersion = draft.httpVersion.isEmpty() ? "HTTP/2" : draft.httpVersion;
    }

    boolean closed() {
        return clientEnded && serverEnded;
    }

    /** Marks every side that had not ended as cut short. */
    void cutOpenSides() {
        if (!clientEnded) {
            draft.requestBody.cut();
        }
        if (!serverEnded) {
            draft.responseBody.cut();
        }
    }
}

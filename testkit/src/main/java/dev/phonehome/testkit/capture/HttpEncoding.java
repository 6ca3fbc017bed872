package dev.phonehome.testkit.capture;

import java.util.List;

/** Writes request/response pairs into an established TLS connection in one HTTP version. */
interface HttpEncoding {
    void exchange(TlsPair tls, List<HttpExchangeSpec> exchanges);
}

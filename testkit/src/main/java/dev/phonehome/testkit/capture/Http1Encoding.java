package dev.phonehome.testkit.capture;

import java.util.List;

/** HTTP/1.1 with keep-alive: each request, then its response. */
final class Http1Encoding implements HttpEncoding {
    private final String host;

    Http1Encoding(String host) {
        this.host = host;
    }

    @Override
    public void exchange(TlsPair tls, List<HttpExchangeSpec> exchanges) {
        for (HttpExchangeSpec e : exchanges) {
            tls.clientSends(Http1Messages.request(host, e));
            tls.serverSends(Http1Messages.response(e));
        }
    }
}

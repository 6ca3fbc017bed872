package dev.phonehome.testkit.capture;

import java.util.List;

/**
 * One request and its response as an app and its server exchange them; the generator encodes it
 * as HTTP/1.1 or HTTP/2 depending on the connection.
 *
 * @param method          request method
 * @param path            path and query
 * @param requestHeaders  request headers after Host (HTTP/1.1) or the pseudo-headers (HTTP/2),
 *                        without Content-Length, which the encoder adds
 * @param requestBody     empty for none
 * @param status          response status
 * @param responseHeaders response headers without Content-Length
 * @param responseBody    the body as sent, already content-coded if a Content-Encoding header says so
 */
public record HttpExchangeSpec(String method, String path, List<HttpHeader> requestHeaders, byte[] requestBody,
                               int status, List<HttpHeader> responseHeaders, byte[] responseBody) {
    public HttpExchangeSpec {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        requestBody = requestBody.clone();
        responseBody = responseBody.clone();
    }

    @Override
    public byte[] requestBody() {
        return requestBody.clone();
    }

    @Override
    public byte[] responseBody() {
        return responseBody.clone();
    }
}

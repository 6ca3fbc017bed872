package dev.phonehome.traffic.http;

import java.util.List;

/**
 * A decoded HTTP/2 header block: request pseudo-headers, a response status, or neither (trailers).
 *
 * @param status 0 unless the block is a response
 */
record HeaderBlock(boolean request, String method, String scheme, String authority, String path, int status,
                   List<Header> headers) {
    boolean isResponse() {
        return status != 0;
    }

    boolean isTrailers() {
        return !request && status == 0;
    }
}

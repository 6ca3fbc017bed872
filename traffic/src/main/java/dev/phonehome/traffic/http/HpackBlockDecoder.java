package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.hpack.HpackDecoder;
import org.eclipse.jetty.http2.hpack.HpackException;

/**
 * Jetty's HPACK decoder for one direction of a connection. Jetty bounds the decoded header list
 * (the HPACK-bomb defence) but abandons a block it stops in the middle of, so after that the
 * dynamic table is unknown and every later block of this direction is a connection error.
 */
final class HpackBlockDecoder {
    /** Largest dynamic table a peer may announce that we honour. */
    static final int MAX_TABLE_CAPACITY = 1024 * 1024;

    private final HpackDecoder decoder;
    private boolean lost;

    HpackBlockDecoder(int maxHeaderListSize) {
        this.decoder = new HpackDecoder(maxHeaderListSize, () -> 0L);
    }

    /** Applies the receiver's SETTINGS_HEADER_TABLE_SIZE, the most the sender's encoder may use. */
    void tableCapacity(long announced) {
        decoder.setMaxTableCapacity((int) Math.min(announced, MAX_TABLE_CAPACITY));
    }

    HeaderBlock decode(byte[] block, int streamId, long offset) throws Http2Exception {
        if (lost) {
            throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, offset,
                    "HPACK state lost after an earlier failure on this direction");
        }
        MetaData m;
        try {
            m = decoder.decode(ByteBuffer.wrap(block));
        } catch (HpackException.StreamException e) {
            throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, streamId, offset, "header block: " + e.getMessage());
        } catch (HpackException.SessionException e) {
            lost = true;
            boolean tooLarge = String.valueOf(e.getMessage()).startsWith("Header size");
            throw tooLarge
                    ? Http2Exception.stream(Http2Error.ENHANCE_YOUR_CALM, streamId, offset,
                            "header list over " + decoder.getMaxHeaderListSize() + " bytes: " + e.getMessage())
                    : Http2Exception.connection(Http2Error.COMPRESSION_ERROR, offset, "HPACK: " + e.getMessage());
        } catch (RuntimeException e) {
            lost = true;
            throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, offset, "HPACK: " + e);
        }
        List<Header> headers = new ArrayList<>();
        for (HttpField f : m.getHttpFields()) {
            headers.add(new Header(f.getName(), f.getValue() == null ? "" : f.getValue()));
        }
        if (m instanceof MetaData.Request r) {
            HttpURI uri = r.getHttpURI();
            String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
            String path = uri.getPathQuery() == null ? "" : uri.getPathQuery();
            return new HeaderBlock(true, r.getMethod(), nonNull(uri.getScheme()), authority, path, 0, headers);
        }
        if (m instanceof MetaData.Response r) {
            return new HeaderBlock(false, "", "", "", "", r.getStatus(), headers);
        }
        return new HeaderBlock(false, "", "", "", "", 0, headers);
    }

    /** Whether an earlier failure left the dynamic table unknown. */
    boolean lost() {
        return lost;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

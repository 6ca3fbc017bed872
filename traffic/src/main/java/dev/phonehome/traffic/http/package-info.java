/**
 * The HTTP engine: turns the two decrypted byte streams of a connection into
 * {@link dev.phonehome.traffic.http.HttpExchange} records.
 *
 * <p>{@link dev.phonehome.traffic.http.HttpConnectionParser} is the entry point. It picks HTTP/1.x
 * or HTTP/2 from ALPN or the client preface and feeds one of two engines: an incremental
 * HTTP/1.x parser (pipelining, chunked bodies, interim responses, CONNECT tunnels and upgrades
 * handed back through {@link dev.phonehome.traffic.http.HttpListener}) and an HTTP/2 frame and
 * stream assembler whose header blocks are decoded by Jetty's HPACK decoder. Bodies are undone
 * of their content codings under a decompression budget. Everything is bounded by
 * {@link dev.phonehome.traffic.http.HttpLimits}; what goes wrong becomes a coded
 * {@link dev.phonehome.core.Problem} ({@link dev.phonehome.traffic.http.HttpIssue}), never an exception.
 */
package dev.phonehome.traffic.http;

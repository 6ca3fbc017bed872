/**
 * Payload decoders: what a request carries, opened layer by layer into values with citable paths.
 *
 * <p>{@link dev.phonehome.traffic.decode.PayloadDecoder} takes a request (URL query, header values,
 * content-decoded body) and asks each {@link dev.phonehome.traffic.decode.Decoder} of the
 * {@link dev.phonehome.traffic.decode.Decoders} registry to probe each value; the highest bidder
 * decodes it and the pieces it finds are probed again, depth first, so leaves come out in document
 * order. Formats: URL query and form, Sensors Data uploads, cookies, Authorization credentials, JWT,
 * NDJSON, JSON (also inside strings), base64, gzip/zlib/zstd by magic number, brotli/raw deflate
 * when announced, multipart, and schema-less protobuf. Work is bounded by a
 * {@link dev.phonehome.traffic.decode.DecodeBudget}; failures and budgets become coded problems
 * ({@link dev.phonehome.traffic.decode.DecodeIssue}) and the value stays as it was. The path
 * grammar is in {@link dev.phonehome.traffic.decode.PathSyntax}.
 */
package dev.phonehome.traffic.decode;

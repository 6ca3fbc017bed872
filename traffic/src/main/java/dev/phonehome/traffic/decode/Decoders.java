package dev.phonehome.traffic.decode;

import java.util.List;

/**
 * The registry: every payload decoder, in the order that breaks priority ties. Adding a format is
 * one {@link Decoder} class and one line here.
 */
public final class Decoders {
    private Decoders() {
    }

    public static List<Decoder> standard() {
        return List.of(
                new MultipartDecoder(),
                new SensorsDataDecoder(),
                new CookieDecoder(),
                new CredentialsDecoder(),
                new JwtDecoder(),
                new NdjsonDecoder(),
                new JsonDecoder(),
                new FormDecoder(),
                new Base64Decoder(),
                new CompressionDecoder(Compression.GZIP),
                new CompressionDecoder(Compression.ZLIB),
                new CompressionDecoder(Compression.ZSTD),
                new CompressionDecoder(Compression.BROTLI),
                new CompressionDecoder(Compression.DEFLATE),
                new ProtobufDecoder());
    }
}

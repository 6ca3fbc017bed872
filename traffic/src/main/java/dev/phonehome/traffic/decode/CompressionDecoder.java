package dev.phonehome.traffic.decode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One compression, found by its magic number or announced by the sender. Output stops one byte past
 * the allowance, which tells the engine a compression bomb went over budget.
 */
final class CompressionDecoder implements Decoder {
    private static final int BUFFER = 16 * 1024;

    private final Compression compression;

    CompressionDecoder(Compression compression) {
        this.compression = compression;
    }

    @Override
    public String name() {
        return compression.layer();
    }

    @Override
    public int probe(Chunk chunk) {
        if (chunk.kind() != ValueKind.BYTES) {
            return DECLINE;
        }
        boolean magic = Compression.detect(chunk.bytes()).filter(c -> c == compression).isPresent();
        return magic || compression.announced(chunk.hints().compression(), chunk.bytes()) ? SURE : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = compression.open(new ByteArrayInputStream(chunk.bytes()))) {
            byte[] buf = new byte[BUFFER];
            long limit = outputAllowance + 1;
            int n;
            while (out.size() < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - out.size()))) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // aircompressor reports corrupt input with unchecked exceptions.
            throw new PayloadFormatException(name(), out.size(), "decompression failed after " + out.size()
                    + " output bytes: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return List.of(Piece.bytes(name(), out.toByteArray(), Hints.NONE));
    }
}

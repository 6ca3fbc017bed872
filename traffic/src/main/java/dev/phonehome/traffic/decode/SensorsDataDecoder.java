package dev.phonehome.traffic.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sensors Data SDK uploads: a form with {@code data_list} (a batch) or {@code data} (one event) and
 * a {@code gzip} flag. {@code gzip=1} means base64(gzip(JSON)) and {@code gzip=0} base64(JSON), which
 * the generic decoders then open; any other flag (9 and 13 are seen in Android SDK builds with
 * encryption on) means the SDK encrypted the payload, which stays opaque under
 * {@code encrypted-payload(sensorsdata-gzip-N)}: decryption is no part of evidence gathering.
 */
final class SensorsDataDecoder implements Decoder {
    /** Above the generic form decoder, which would otherwise take the form. */
    private static final int SDK_FORM = SURE + 5;
    private static final Set<String> PAYLOAD_FIELDS = Set.of("data_list", "data");
    private static final Set<String> PLAIN_FLAGS = Set.of("0", "1");

    @Override
    public String name() {
        return "sensorsdata";
    }

    @Override
    public int probe(Chunk chunk) {
        Optional<String> text = chunk.printableText();
        if (text.isEmpty() || !(chunk.hints().mediaType().equals("application/x-www-form-urlencoded")
                || FormFields.looksLikeForm(text.get()))) {
            return DECLINE;
        }
        List<FormFields.Field> fields = FormFields.parse(text.get());
        boolean payload = fields.stream().anyMatch(f -> PAYLOAD_FIELDS.contains(f.name()));
        return payload && FormFields.first(fields, "gzip").isPresent() ? SDK_FORM : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) {
        List<FormFields.Field> fields = FormFields.parse(chunk.printableText().orElse(""));
        String flag = FormFields.first(fields, "gzip").orElse("");
        List<Piece> pieces = new ArrayList<>(FormFields.pieces(fields));
        for (int i = 0; i < pieces.size(); i++) {
            if (!PAYLOAD_FIELDS.contains(fields.get(i).name())) {
                continue;
            }
            Piece p = pieces.get(i);
            if (flag.equals("1")) {
                pieces.set(i, new Piece(p.segment(), new Chunk(p.chunk().bytes(), p.chunk().kind(),
                        Hints.NONE.withCompression("gzip"))));
            } else if (!PLAIN_FLAGS.contains(flag)) {
                pieces.set(i, encrypted(p, flag));
            }
        }
        return pieces;
    }

    private static Piece encrypted(Piece field, String flag) {
        String marker = "encrypted-payload(sensorsdata-gzip-" + PathSyntax.name(flag) + ")";
        String text = new String(field.chunk().bytes(), StandardCharsets.UTF_8);
        return Base64Text.decode(text)
                .map(d -> new Piece(PathSyntax.child(PathSyntax.child(field.segment(), d.layer()), marker),
                        new Chunk(d.bytes(), ValueKind.OPAQUE, Hints.NONE)))
                .orElseGet(() -> new Piece(PathSyntax.child(field.segment(), marker),
                        new Chunk(field.chunk().bytes(), ValueKind.OPAQUE, Hints.NONE)));
    }
}

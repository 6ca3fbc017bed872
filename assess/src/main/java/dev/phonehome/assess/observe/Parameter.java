package dev.phonehome.assess.observe;

/**
 * One decoded leaf of a request.
 *
 * @param path  where, in the payload decoders' path syntax, e.g. {@code body > json.properties.$model}
 * @param name  the last key of the path, e.g. {@code $model}
 * @param value the value, cut to {@link ExchangeObserver#MAX_VALUE_CHARS} characters
 * @param kind  the decoded kind: {@code STRING}, {@code NUMBER}, {@code OPAQUE}...
 */
public record Parameter(String path, String name, String value, String kind) {
    /** App-layer encrypted bytes, never decrypted. */
    public boolean opaque() {
        return kind.equals("OPAQUE");
    }
}

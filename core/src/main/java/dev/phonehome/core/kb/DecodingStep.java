package dev.phonehome.core.kb;

/**
 * One layer an adapter's payload is expected to have, named as the traffic decoders name their
 * layers. Descriptive: the decoders find layers by themselves, this says what a reader should expect.
 *
 * @param context {@code query}, {@code body}, {@code header} or {@code cookie}
 * @param field   the field (in {@link FieldSelector} syntax) holding the layer, or null for the whole context
 * @param layer   one of {@link SdkAdapterCatalog#LAYERS}
 */
public record DecodingStep(String context, String field, String layer) {
}

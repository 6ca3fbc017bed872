package dev.phonehome.core.geo;

/**
 * The autonomous system announcing an address.
 *
 * @param asn          autonomous system number
 * @param organisation the AS organisation as the ASN data names it
 */
public record AsInfo(long asn, String organisation) {
}

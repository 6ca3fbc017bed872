/**
 * Personal data in requests. {@link dev.phonehome.traffic.pii.PersonalDataMatcher}, built once from a
 * device profile, searches every decoded leaf of a request and its raw bytes for each profile value in
 * every spelling, digest and encoding a client may send, with one Aho-Corasick automaton, and adds
 * typed detections (IMEI, MAC, e-mail, phone, coordinates, advertising IDs) for what the profile does
 * not list. Each {@link dev.phonehome.traffic.pii.PersonalDataHit} names the data type, the form it was
 * found in, the leaf path or raw offset, the exchange and a confidence.
 */
package dev.phonehome.traffic.pii;

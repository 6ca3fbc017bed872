/**
 * Capture diff: what two captures of the same phone (say, before and after opting out of a vendor's
 * "User Experience" programme) send differently — destinations, SDKs, parameters and personal data
 * that appear, vanish or persist.
 */
package dev.phonehome.assess.diff;

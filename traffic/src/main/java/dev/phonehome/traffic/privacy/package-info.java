/**
 * What leaves the phone: each decrypted exchange decoded, matched to the SDK that sent it, searched
 * for personal data and placed at a destination (organisation, country, GDPR regime), and the capture
 * summed up by destination, parameter and personal-data type.
 */
package dev.phonehome.traffic.privacy;

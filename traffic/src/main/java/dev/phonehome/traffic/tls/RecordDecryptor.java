package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;

/**
 * Opens the protected records of one direction and one key epoch. Implementations keep the
 * record sequence number and advance it only on success, so a failed trial (0-RTT) leaves
 * them usable.
 */
interface RecordDecryptor {
    /** Decrypts and authenticates {@code record}; throws when authentication fails. */
    Plaintext open(TlsRecord record) throws GeneralSecurityException;
}

package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A column moving between plaintext and ciphertext while the application runs (see
 * {@code aegis encrypt-column} and {@code decrypt-column}): both forms are read, and equality searches
 * match both, so a row is found whether it has been migrated yet or not.
 */
public enum Migration {
  /** Existing plaintext is being encrypted: writes store ciphertext. */
  @JsonProperty("encrypting")
  ENCRYPTING,
  /** Existing ciphertext is being decrypted back to plaintext: writes store plaintext. */
  @JsonProperty("decrypting")
  DECRYPTING
}

package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a column is encrypted. */
public enum EncryptionMode {
  /** AES-256-GCM (Tink AEAD): equal plaintexts give different ciphertexts. The default. */
  @JsonProperty("randomized")
  RANDOMIZED,
  /** AES-256-SIV (Tink Deterministic AEAD): equal plaintexts give equal ciphertexts, so equality search works. */
  @JsonProperty("deterministic")
  DETERMINISTIC
}

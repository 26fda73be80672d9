package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * How one column is protected.
 *
 * @param mode randomized (default) or deterministic
 * @param key the name of the keyset that encrypts it
 */
public record ColumnConfig(EncryptionMode mode, @JsonProperty(required = true) String key) {
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public ColumnConfig {
    mode = mode == null ? EncryptionMode.RANDOMIZED : mode;
    if (key == null || !KEY_NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("key must name a keyset (1 to 64 letters, digits, '_', '-', '.'),"
          + " was " + (key == null ? "missing" : "'" + key + "'"));
    }
  }
}

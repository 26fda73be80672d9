package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code encryption:} section: settings for every encrypted column.
 *
 * @param schemaCheck what the check of the configured columns at first connect does with a problem: fail
 *     the connect ({@code strict}, the default), log a warning ({@code lenient}), or skip the check
 *     ({@code off})
 */
public record EncryptionConfig(SchemaCheck schemaCheck) {
  static final EncryptionConfig DEFAULTS = new EncryptionConfig(null);

  public EncryptionConfig {
    schemaCheck = schemaCheck == null ? SchemaCheck.STRICT : schemaCheck;
  }

  /** What a failed schema check does. */
  public enum SchemaCheck {
    @JsonProperty("strict")
    STRICT,
    @JsonProperty("lenient")
    LENIENT,
    @JsonProperty("off")
    OFF
  }
}

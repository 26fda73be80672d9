package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.regex.Pattern;

/**
 * How one column is protected.
 *
 * @param mode randomized (default) or deterministic
 * @param key the name of the keyset that encrypts it
 * @param domain the associated data bound into every ciphertext, by default {@code table.column}; two
 *     columns that must be compared or joined with each other share one domain (and one key)
 * @param type the column's logical type (default string); values are converted to it before encryption
 * @param strict true to refuse a stored value that is not Aegis ciphertext (default false: it is read as
 *     plaintext of a half-migrated table and counted)
 * @param maxLength the longest plaintext, in bytes, the column must hold; the schema check at first connect
 *     verifies the column is wide enough for its ciphertext. Null: only what the column can hold is logged
 * @param migration null for a column in its normal state; {@link Migration#ENCRYPTING} or
 *     {@link Migration#DECRYPTING} while its stored values are migrated to or from ciphertext. Then both
 *     forms are read, equality searches also match the plaintext, and writes store the migration's target
 *     form; {@code strict} cannot be set with it
 */
public record ColumnConfig(
    EncryptionMode mode,
    @JsonProperty(required = true) String key,
    String domain,
    ValueType type,
    Boolean strict,
    @JsonDeserialize(using = AnalysisConfig.PositiveInt.class) Integer maxLength,
    Migration migration) {
  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_.$:-]{1,128}");

  public ColumnConfig {
    mode = mode == null ? EncryptionMode.RANDOMIZED : mode;
    type = type == null ? ValueType.STRING : type;
    strict = strict != null && strict;
    if (key == null || !KEY_NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("key must name a keyset (1 to 64 letters, digits, '_', '-', '.'),"
          + " was " + (key == null ? "missing" : "'" + key + "'"));
    }
    if (domain != null && !DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("domain must be 1 to 128 letters, digits, '_', '.', '$', ':' or"
          + " '-', was '" + domain + "'");
    }
    if (strict && migration != null) {
      throw new IllegalArgumentException("strict: true refuses the plaintext values a column holds while it is"
          + " migrated, so it cannot be set with migration: " + migration.name().toLowerCase(
              java.util.Locale.ROOT) + ". Remove strict until the migration ends.");
    }
  }

  /** A column in its normal state (no migration). */
  public ColumnConfig(EncryptionMode mode, String key, String domain, ValueType type, Boolean strict,
      Integer maxLength) {
    this(mode, key, domain, type, strict, maxLength, null);
  }

  /** A column with the default domain, type and checks. */
  public ColumnConfig(EncryptionMode mode, String key) {
    this(mode, key, null, null, null, null, null);
  }

  /** The domain of {@code column} under this configuration: the configured one, else {@code table.column}. */
  public String domainOf(ColumnRef column) {
    return domain != null ? domain : column.table() + "." + column.column();
  }

  public boolean isStrict() {
    return strict;
  }

  /** Whether the column is being migrated to or from ciphertext. */
  public boolean migrating() {
    return migration != null;
  }
}

package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The logical type of an encrypted column: what the column held before it was encrypted. Every value
 * written to or compared with the column is converted to it first, as the server converts a value to a
 * column's type, so {@code setInt(5)} and the literal {@code '5'} encrypt alike on a {@code string} column
 * and equality search on a deterministic column does not depend on which setter the application used.
 */
public enum ValueType {
  /** Character data, like VARCHAR/TEXT. The default. */
  @JsonProperty("string")
  STRING,
  /** Binary data, like VARBINARY/BLOB. */
  @JsonProperty("bytes")
  BYTES,
  /** A whole number, like INT/BIGINT. */
  @JsonProperty("integer")
  INTEGER,
  /** An exact decimal, like DECIMAL. */
  @JsonProperty("decimal")
  DECIMAL,
  /** A floating-point number, like DOUBLE. */
  @JsonProperty("double")
  DOUBLE,
  /** TRUE or FALSE, like BOOLEAN. */
  @JsonProperty("boolean")
  BOOLEAN,
  /** A calendar date, like DATE. */
  @JsonProperty("date")
  DATE,
  /** A time of day, like TIME. */
  @JsonProperty("time")
  TIME,
  /** A date and time without zone, like DATETIME. */
  @JsonProperty("timestamp")
  TIMESTAMP
}

package dev.aegis.analysis;

/** How a value (a {@code ?} of the digest) is used against the column it is bound to. */
public enum ValueUse {
  /** {@code col = ?}, {@code ? = col}, {@code col <=> ?}, a JOIN/USING equality, a CASE WHEN col = ?. */
  EQUALS,
  /** {@code col <> ?}, {@code col != ?}. */
  NOT_EQUALS,
  /** {@code col < ?}, {@code >}, {@code <=}, {@code >=}, {@code BETWEEN ? AND ?}. */
  RANGE,
  /** {@code col IN (?, …)} and {@code col NOT IN (…)}. */
  IN_LIST,
  /** {@code col LIKE ?}, {@code NOT LIKE}, {@code REGEXP}/{@code RLIKE}. */
  PATTERN,
  /** A value of INSERT/REPLACE VALUES, or of INSERT … SET, for the column at that position. */
  INSERT_VALUE,
  /** {@code UPDATE … SET col = ?} and {@code ON DUPLICATE KEY UPDATE col = ?}. */
  ASSIGNMENT,
  /** Anything else: a function argument, arithmetic, the select list, LIMIT, an unbound comparison. */
  OTHER
}

package dev.aegis.analysis;

import dev.aegis.config.ColumnRef;

/**
 * What one {@code ?} of the digest is compared with or assigned to.
 *
 * @param placeholder the ordinal of the {@code ?} in the digest, from 0, in text order
 * @param column the base column it binds to (aliases, CTEs and derived tables resolved), or null if none
 * @param use how it is used
 * @param insideFunction true when the column side is wrapped in a function or expression
 *     ({@code LOWER(email) = ?}), which an encrypted column cannot satisfy
 */
public record ValueBinding(int placeholder, ColumnRef column, ValueUse use, boolean insideFunction) {}

package dev.aegis.keys;

import dev.aegis.config.ColumnRef;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * What one encrypted column's stored values are, as a {@link KeyUsage} scan found them: how many are
 * ciphertext of the column's domain under each key of its keyset, how many are plaintext (a half-migrated
 * table), and how many are ciphertext this keyset cannot open (another domain's, or under a key the keyset
 * does not hold). NULLs are not counted: they are never encrypted.
 *
 * @param column the configured column
 * @param keyset the keyset that encrypts it
 * @param domain the column's domain (associated data and header tag)
 * @param byKey per key id of the keyset, in the keyset's order, the values under that key (ids with no value
 *     are absent)
 * @param plaintext values that are not Aegis ciphertext
 * @param otherDomain Aegis ciphertext tagged with another column domain (copied from another column)
 * @param unknownKey ciphertext of the column's domain under a key id the keyset does not hold
 */
public record ColumnKeyUsage(ColumnRef column, String keyset, String domain, Map<Integer, Long> byKey,
    long plaintext, long otherDomain, long unknownKey) {

  public ColumnKeyUsage {
    byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
  }

  /** Every non-NULL value scanned. */
  public long values() {
    return byKey.values().stream().mapToLong(Long::longValue).sum() + plaintext + foreign();
  }

  /** Ciphertext this keyset cannot open: another domain's, or under a key it does not hold. */
  public long foreign() {
    return otherDomain + unknownKey;
  }

  /** Values under any of {@code keyIds}. */
  public long under(Collection<Integer> keyIds) {
    long count = 0;
    for (Integer id : keyIds) {
      count += byKey.getOrDefault(id, 0L);
    }
    return count;
  }
}

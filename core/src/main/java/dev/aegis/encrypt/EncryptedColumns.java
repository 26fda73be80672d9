package dev.aegis.encrypt;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.analysis.TableRef;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The encrypted columns of one configuration, with their ciphers: what the statement planner and the result
 * decryption look columns up in. Immutable and thread-safe; built once per configuration at first connect.
 *
 * <p>Columns configured as {@code table.column} match that table in any schema; {@code schema.table.column}
 * matches only there (and an unqualified reference, which may be in that schema).
 */
public final class EncryptedColumns {
  private static final EncryptedColumns NONE = new EncryptedColumns(List.of());

  private final Map<String, List<ProtectedColumn>> byTableColumn = new HashMap<>();
  private final Set<String> tables = new HashSet<>();
  private final Map<Integer, ProtectedColumn> byTag = new HashMap<>();
  private final List<ProtectedColumn> all;
  /**
   * Counts {@link #rekey} calls: a statement prepared under one count whose SQL depends on the keys (an
   * equality search expanded per key, a ciphertext literal) is prepared again when it has changed.
   */
  private volatile long generation;

  private EncryptedColumns(List<ProtectedColumn> columns) {
    this.all = List.copyOf(columns);
    for (ProtectedColumn column : columns) {
      ColumnRef ref = column.ref();
      byTableColumn.computeIfAbsent(ref.table() + "." + ref.column(), k -> new java.util.ArrayList<>(1))
          .add(column);
      tables.add(ref.table());
      byTag.putIfAbsent(dev.aegis.crypto.CiphertextFormat.domainTag(column.domain()), column);
    }
  }

  public static EncryptedColumns none() {
    return NONE;
  }

  /**
   * The columns of {@code config} with ciphers from {@code keysets}.
   *
   * @param binary the configured columns the schema check found binary (the others store base64 text)
   * @throws AegisConfigurationException when a keyset is missing or does not suit its mode (ZA201), or two
   *     columns share a domain with different keys or modes (ZA011)
   */
  public static EncryptedColumns of(AegisConfig config, Map<String, KeysetHandle> keysets, Set<ColumnRef> binary)
      throws AegisConfigurationException {
    return of(config, keysets, binary, CryptoMeters.NONE);
  }

  /** As above, counting and timing every value in {@code meters}. */
  public static EncryptedColumns of(AegisConfig config, Map<String, KeysetHandle> keysets, Set<ColumnRef> binary,
      CryptoMeters meters) throws AegisConfigurationException {
    Map<String, Map.Entry<ColumnRef, ColumnConfig>> domains = new HashMap<>();
    List<ProtectedColumn> columns = new java.util.ArrayList<>();
    for (Map.Entry<ColumnRef, ColumnConfig> entry : config.columns().entrySet()) {
      ColumnRef ref = entry.getKey();
      ColumnConfig column = entry.getValue();
      String domain = column.domainOf(ref);
      Map.Entry<ColumnRef, ColumnConfig> first = domains.putIfAbsent(domain, entry);
      if (first != null && (!first.getValue().key().equals(column.key())
          || first.getValue().mode() != column.mode() || first.getValue().type() != column.type())) {
        throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "Encrypted columns " + first.getKey()
            + " and " + ref + " share domain '" + domain + "' but not the same key, mode and type; columns of"
            + " one domain must be configured alike, or given different domains.");
      }
      columns.add(new ProtectedColumn(ref, column, cipher(ref, column, domain, keysets), binary.contains(ref),
          meters));
    }
    return columns.isEmpty() ? NONE : new EncryptedColumns(columns);
  }

  /**
   * Moves every column to the keysets in {@code keysets} (reloaded from the store): all columns or none. A
   * missing keyset or one without keys for its columns' mode leaves every column as it was.
   *
   * @throws AegisConfigurationException ZA201 naming the keyset
   */
  public void rekey(Map<String, KeysetHandle> keysets) throws AegisConfigurationException {
    List<ColumnCipher> next = new java.util.ArrayList<>(all.size());
    for (ProtectedColumn column : all) {
      next.add(cipher(column.ref(), column.config(), column.domain(), keysets));
    }
    for (int i = 0; i < all.size(); i++) {
      all.get(i).rekey(next.get(i));
    }
    synchronized (this) {
      generation++;
    }
  }

  /** How many times the columns were re-keyed; read before the keys are used, compared later. */
  public long generation() {
    return generation;
  }

  private static ColumnCipher cipher(ColumnRef ref, ColumnConfig column, String domain,
      Map<String, KeysetHandle> keysets) throws AegisConfigurationException {
    KeysetHandle keyset = keysets.get(column.key());
    if (keyset == null) {
      throw new AegisConfigurationException(AegisSqlState.KEYS_UNAVAILABLE, "Aegis keys unavailable: keyset '"
          + column.key() + "' of encrypted column " + ref + " is not in the keyset store. Run 'aegis keys"
          + " init' to create it.");
    }
    try {
      return ColumnCipher.of(keyset, column.mode(), domain);
    } catch (GeneralSecurityException e) {
      throw new AegisConfigurationException(AegisSqlState.KEYS_UNAVAILABLE, "Aegis keys unavailable: keyset '"
          + column.key() + "' holds no key for " + column.mode().name().toLowerCase(java.util.Locale.ROOT)
          + " encryption, which column " + ref + " is configured with; a keyset serves one mode.");
    }
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public List<ProtectedColumn> all() {
    return all;
  }

  /**
   * The column {@code table.column} (lower case), read in {@code schema} (lower case, or null when the
   * statement names none), or null when it is not encrypted.
   */
  public ProtectedColumn find(String schema, String table, String column) {
    List<ProtectedColumn> candidates = byTableColumn.get(table + "." + column);
    if (candidates == null) {
      return null;
    }
    ProtectedColumn unqualified = null;
    for (ProtectedColumn c : candidates) {
      String configured = c.ref().schema();
      if (configured == null) {
        unqualified = c;
      } else if (schema == null || configured.equals(schema)) {
        return c;
      }
    }
    return unqualified;
  }

  public ProtectedColumn find(TableRef table, String column) {
    return find(table.schema(), table.table(), column);
  }

  /** Whether any encrypted column is configured in a table of this name. */
  public boolean protects(String table) {
    return tables.contains(table);
  }

  /** The column whose domain has this tag, or null. */
  public ProtectedColumn byTag(long tag) {
    return tag < 0 ? null : byTag.get((int) tag);
  }
}

package dev.aegis.serveraudit;

import java.time.Instant;
import java.util.List;

/**
 * The application's Aegis set-up as the audit found it: what its configuration asks for and what the database
 * actually holds.
 *
 * @param columns one sample per configured encrypted column
 * @param keysets each keyset's primary key date; empty with {@code keysProblem} set when they could not be read
 * @param rotationDays {@code keys.rotation-days}; 0 when not set
 * @param detectionMode {@code detection.mode}
 * @param eventsTable whether events are written to {@code aegis_events}
 * @param retentionDays {@code events.retention-days}
 * @param oldestEvent the oldest row of {@code aegis_events}; null when there is none or it cannot be read
 */
public record AegisPosture(List<ColumnSample> columns, List<KeysetAge> keysets, String keysProblem, int rotationDays,
    String detectionMode, boolean eventsTable, int retentionDays, Instant oldestEvent) {
  public AegisPosture {
    columns = List.copyOf(columns);
    keysets = List.copyOf(keysets);
  }

  /**
   * What a sample of one encrypted column's stored values showed.
   *
   * @param sampled non-null values read
   * @param ciphertext values in Aegis's ciphertext format
   * @param undecryptable ciphertext values the configured keys do not open; -1 when the keys were not tried
   * @param problem why the column could not be sampled (no such table, no privilege); null when it was
   */
  public record ColumnSample(String column, int sampled, int ciphertext, int undecryptable, String problem) {
    public int plaintext() {
      return sampled - ciphertext;
    }
  }

  /** A keyset's primary key and when it was added (null when not recorded). */
  public record KeysetAge(String keyset, Instant primaryCreated) {}
}

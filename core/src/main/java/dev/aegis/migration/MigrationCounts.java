package dev.aegis.migration;

/**
 * What a job has done so far.
 *
 * @param scanned non-NULL values read
 * @param changed values rewritten
 * @param current values that already had the wanted form (under the primary key, encrypted, or plaintext)
 * @param casMissed values the application changed between the job's read and its write: left to the
 *     application (what it wrote is already in the wanted form, or a later run picks it up)
 * @param unreadable values that look like this column's ciphertext but do not open: reported, never touched
 * @param plaintext values {@code reencrypt} found unencrypted: left for {@code encrypt-column}
 */
public record MigrationCounts(long scanned, long changed, long current, long casMissed, long unreadable,
    long plaintext) {
  public static final MigrationCounts ZERO = new MigrationCounts(0, 0, 0, 0, 0, 0);

  MigrationCounts plus(MigrationCounts other) {
    return new MigrationCounts(scanned + other.scanned, changed + other.changed, current + other.current,
        casMissed + other.casMissed, unreadable + other.unreadable, plaintext + other.plaintext);
  }
}

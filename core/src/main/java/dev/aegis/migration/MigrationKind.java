package dev.aegis.migration;

/** What a migration job does to each value of its columns. */
public enum MigrationKind {
  /** Ciphertext under an older key of the keyset → ciphertext under its primary key. */
  REENCRYPT("reencrypt"),
  /** Plaintext of a column being brought under encryption → ciphertext under the primary key. */
  ENCRYPT("encrypt-column"),
  /** Ciphertext → the plaintext the column holds once it is no longer encrypted. */
  DECRYPT("decrypt-column");

  private final String command;

  MigrationKind(String command) {
    this.command = command;
  }

  /** The command that runs this kind, as jobs are named in {@code aegis_jobs}. */
  public String command() {
    return command;
  }
}

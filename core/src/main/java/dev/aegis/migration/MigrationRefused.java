package dev.aegis.migration;

import java.sql.SQLException;

/** A migration that must not start: no primary key, or another run holds the table. Nothing was written. */
public final class MigrationRefused extends SQLException {
  private static final long serialVersionUID = 1L;

  MigrationRefused(String message) {
    super(message, "55000");
  }
}

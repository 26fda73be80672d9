package dev.aegis.keys;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection to the application's database for the {@code jdbc} keyset store. It must be a plain
 * delegate connection, not one through Aegis: reading the keys must not depend on the keys. Whoever calls
 * {@link #open} closes the connection.
 */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}

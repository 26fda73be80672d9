package dev.aegis.jdbc;

import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.pipeline.PipelineHooks;
import java.sql.Connection;
import java.sql.SQLException;

/** Test access to what an Aegis connection runs on, for tests in other packages. */
public final class ConnectionHooks {
  private ConnectionHooks() {}

  /** The encrypted columns of an Aegis connection's configuration: what a keyset reload re-keys. */
  public static EncryptedColumns encryptedColumns(Connection connection) throws SQLException {
    return PipelineHooks.encryptedColumns(connection.unwrap(AegisConnection.class).pipeline());
  }
}

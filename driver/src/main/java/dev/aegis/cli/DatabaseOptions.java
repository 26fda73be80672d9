package dev.aegis.cli;

import dev.aegis.config.AegisUrl;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.ConnectionSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --url}, {@code --user}, {@code --password}: the application's database, reached without Aegis.
 * Commands that manage Aegis's own tables ({@code aegis_keysets}, {@code aegis_allowlist},
 * {@code aegis_blocks}) must not go through the pipeline those tables configure (nor be refused by a block
 * they are about to lift).
 */
final class DatabaseOptions {
  @Option(names = "--url", paramLabel = "URL", description = "For a jdbc store (keys.keysets,"
      + " detection.allowlist, the aegis_blocks of response) and for scans of encrypted columns, the"
      + " application's database: jdbc:mysql://HOST:PORT/DATABASE; a jdbc:aegis:mysql:// URL is connected to"
      + " without Aegis")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user, for a jdbc store")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:AEGIS_DB_PASSWORD}",
      description = "Database password, for a jdbc store (default: environment variable AEGIS_DB_PASSWORD)")
  String password;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  boolean given() {
    return url != null;
  }

  /** Plain connections to {@code --url}; a {@code jdbc:aegis:} URL loses its prefix and aegis.* settings. */
  ConnectionSource connections() throws AegisConfigurationException {
    return plainConnections(url, user, password, command);
  }

  /**
   * Connections straight to the server behind {@code url}, without Aegis. Shared by every command that
   * takes a database URL, so all of them accept the same forms and never echo a password.
   */
  static ConnectionSource plainConnections(String url, String user, String password, CommandSpec command)
      throws AegisConfigurationException {
    String plain = AegisUrl.isAegisUrl(url) ? AegisUrl.parse(url).delegateUrl() : url;
    if (!plain.startsWith("jdbc:")) {
      throw new ParameterException(command.commandLine(), "--url must be a JDBC URL such as"
          + " jdbc:mysql://HOST:PORT/DATABASE, was " + AegisUrl.redact(url));
    }
    Properties credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    return () -> {
      try {
        return DriverManager.getConnection(plain, credentials);
      } catch (SQLException e) {
        // DriverManager quotes the URL when no driver takes it, and a URL may hold a password.
        if (e.getMessage() != null && e.getMessage().contains(plain)) {
          throw new SQLException(e.getMessage().replace(plain, AegisUrl.redact(plain)), e.getSQLState(),
              e.getErrorCode());
        }
        throw e;
      }
    };
  }
}

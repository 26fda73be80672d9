package dev.aegis.cli;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.ConnectionSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --url}, {@code --user}, {@code --password} for the commands that examine or change the server
 * itself ({@code audit}, {@code harden}, {@code create-user}, {@code discover}): the URL is required and
 * is connected to without Aegis.
 */
final class ServerOptions {
  @Option(names = "--url", required = true, paramLabel = "URL", description = "The server:"
      + " jdbc:mysql://HOST:PORT/DATABASE (a jdbc:aegis:mysql:// URL is connected to without Aegis)")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:AEGIS_DB_PASSWORD}",
      description = "Database password (default: environment variable AEGIS_DB_PASSWORD)")
  String password;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  ConnectionSource connections() throws AegisConfigurationException {
    return DatabaseOptions.plainConnections(url, user, password, command);
  }
}

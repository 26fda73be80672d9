package dev.aegis.cli;

import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An {@code aegis keys} subcommand: reads the configuration, runs, and turns what went wrong into a message
 * and one of the documented exit codes: {@value #OK} done, {@value #FAILED} the operation failed or was
 * refused (nothing was changed unless the message says so), {@value #USAGE} a usage or configuration error
 * (a wrong option, a configuration that does not parse, keys that do not open under the master key).
 */
abstract class KeysSubcommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Aegis configuration (YAML)")
  Path config;

  @Mixin
  DatabaseOptions database;

  @Spec
  CommandSpec spec;

  /** A step that cannot be taken in the present state; the message says why and what to do. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  @Override
  public final Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(KeysContext.open(config, database, spec.commandLine()), spec.commandLine().getOut());
    } catch (AegisConfigurationException e) {
      err.println(e.getMessage());
      return USAGE;
    } catch (Refused e) {
      err.println(e.getMessage());
      return FAILED;
    } catch (SQLException e) {
      err.println("The database refused: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
      return FAILED;
    } catch (IOException e) {
      err.println("A file could not be read or written: " + e);
      return FAILED;
    } catch (GeneralSecurityException e) {
      // Tink's exceptions say nothing secret, but their detail helps no operator either.
      err.println("Tink refused the key operation (" + e.getClass().getSimpleName() + ")");
      return FAILED;
    } finally {
      spec.commandLine().getOut().flush();
      err.flush();
    }
  }

  abstract int run(KeysContext keys, PrintWriter out) throws Exception;
}

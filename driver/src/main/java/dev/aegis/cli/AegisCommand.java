package dev.aegis.cli;

import dev.aegis.jdbc.AegisDriver;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aegis}: the command line in the driver jar ({@code java -jar aegis-driver-<version>-all.jar}). */
@Command(name = "aegis", mixinStandardHelpOptions = true, versionProvider = AegisCommand.Version.class,
    description = "Aegis, a security driver for MySQL: tools for its operators.",
    subcommands = {InspectCommand.class, KeysCommand.class, ColumnMigrationCommands.Reencrypt.class,
        ColumnMigrationCommands.EncryptColumn.class, ColumnMigrationCommands.DecryptColumn.class,
        LearnCommand.class, BlocksCommand.class,
        CommandLine.HelpCommand.class})
public final class AegisCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AegisCommand()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aegis " + AegisDriver.version()};
    }
  }
}

package dev.aegis.cli;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.DetectionMode;
import dev.aegis.config.DurationSetting;
import dev.aegis.config.ResponseConfig;
import dev.aegis.config.ResponseStore;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.response.Block;
import dev.aegis.response.BlockKind;
import dev.aegis.response.BlockStore;
import dev.aegis.response.JdbcBlockStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aegis blocks}: the callers automatic response blocked, in the table {@code aegis_blocks} that the
 * instances of an application share. It connects without Aegis: the table is Aegis's own, and the operator
 * lifting a block may be the one it refuses.
 */
@Command(name = "blocks", mixinStandardHelpOptions = true,
    description = "Lists and lifts the blocks of automatic response (see docs/response.md).",
    subcommands = {BlocksCommand.ListBlocks.class, BlocksCommand.Remove.class})
final class BlocksCommand {
  /** Most rows listed: far more than an operator reads, few enough for any terminal. */
  private static final int LIST_LIMIT = 10_000;

  /** Finds the table, and turns Aegis's and the database's errors into messages and exit codes. */
  abstract static class Base implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Aegis configuration (YAML): checked to keep its blocks in the table (response.store)")
    Path config;

    @Spec
    CommandSpec spec;

    /** How long instances take to see a change, for messages: the configuration's refresh, else the default. */
    String refresh = DurationSetting.format(ResponseConfig.DEFAULT_REFRESH);

    @Override
    public final Integer call() {
      try {
        return run(store(), spec.commandLine().getOut());
      } catch (AegisConfigurationException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      } catch (SQLException e) {
        spec.commandLine().getErr().println("The database refused: " + e.getMessage());
        return 1;
      }
    }

    abstract int run(BlockStore store, PrintWriter out) throws SQLException;

    private BlockStore store() throws AegisConfigurationException {
      if (config != null) {
        AegisConfig settings = ConfigReader.read(new ConfigLocation(config.toString(),
            ConfigLocation.Origin.COMMAND_LINE));
        ResponseConfig response = settings.response();
        if (response.store() == ResponseStore.MEMORY) {
          throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "The configuration " + config
              + " keeps blocks in each instance's memory (response.store: memory): there is no table to list or"
              + " change. Blocks end by themselves after response.block-for; restarting an instance lifts its own.");
        }
        if (!response.enabled() || settings.detection().mode() != DetectionMode.ENFORCE) {
          spec.commandLine().getErr().println("Note: the configuration " + config + " blocks no caller itself"
              + " (response acts in detection.mode: enforce with response.enabled: true).");
        }
        refresh = DurationSetting.format(response.refresh());
      }
      if (!database.given()) {
        throw new ParameterException(spec.commandLine(), "Give the application's database with --url"
            + " jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
      }
      return new JdbcBlockStore(database.connections());
    }
  }

  /** {@code aegis blocks list}: the blocks in force, longest first. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Prints the blocks in force: who, until when (UTC), why, and which instance started them.")
  static final class ListBlocks extends Base {
    @Override
    int run(BlockStore store, PrintWriter out) throws SQLException {
      if (!store.exists()) {
        out.println("No block is in force: " + store.describe() + " does not exist yet (Aegis creates it at the"
            + " first connect in enforce mode).");
        return 0;
      }
      Instant now = Instant.now();
      List<Block> blocks = store.load(now, LIST_LIMIT);
      if (blocks.isEmpty()) {
        out.println("No block is in force in " + store.describe() + ".");
        return 0;
      }
      int width = "SUBJECT".length();
      for (Block block : blocks) {
        width = Math.max(width, Math.min(40, Block.printable(block.subject()).length()));
      }
      String row = "%-9s  %-" + width + "s  %-24s  %-10s  %s%n";
      out.printf(row, "KIND", "SUBJECT", "UNTIL (UTC)", "LEFT", "REASON; STARTED BY");
      for (Block block : blocks) {
        out.printf(row, block.kind().tag(), Block.printable(block.subject()), block.until(), left(now, block),
            block.reason() + "; " + Block.printable(block.createdBy()) + " at " + block.createdAt());
      }
      out.printf("%d block(s) in force in %s. Lift one with: aegis blocks remove --principal NAME | --address"
          + " ADDRESS%n", blocks.size(), store.describe());
      return 0;
    }

    private static String left(Instant now, Block block) {
      long seconds = Math.max(1, now.until(block.until(), ChronoUnit.SECONDS));
      return DurationSetting.format(java.time.Duration.ofSeconds(seconds));
    }
  }

  /** {@code aegis blocks remove --principal X | --address Y}: lifts one block for every instance. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Lifts the block of a principal or an address for every instance sharing the table.",
          "Instances stop refusing its statements at their next refresh (response.refresh).",
          "Exit code 1 when no such block exists."})
  static final class Remove extends Base {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
      @Option(names = "--principal", paramLabel = "NAME", description = "The blocked principal")
      String principal;

      @Option(names = "--address", paramLabel = "ADDRESS", description = "The blocked client address")
      String address;
    }

    @Override
    int run(BlockStore store, PrintWriter out) throws SQLException {
      BlockKind kind = subject.principal != null ? BlockKind.PRINCIPAL : BlockKind.ADDRESS;
      String name = subject.principal != null ? subject.principal : subject.address;
      String who = kind.tag() + " '" + Block.printable(name) + "'";
      if (!store.exists() || store.remove(kind, name) == 0) {
        spec.commandLine().getErr().println("No block of " + who + " in " + store.describe()
            + "; nothing was removed. 'aegis blocks list' shows the blocks in force.");
        return 1;
      }
      out.println("Block of " + who + " removed from " + store.describe() + ". Instances stop refusing its"
          + " statements within their refresh interval (" + refresh + ").");
      return 0;
    }
  }
}

package dev.aegis.cli;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.Location;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.encrypt.SchemaCheck;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.migration.MigrationCounts;
import dev.aegis.migration.MigrationKind;
import dev.aegis.migration.MigrationRefused;
import dev.aegis.migration.TableMigration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code aegis reencrypt}, {@code encrypt-column} and {@code decrypt-column} share: the configuration,
 * keys and columns, a plain connection to the application's database, the batches and their throttle, the
 * progress on the terminal and the summary. Exit codes: 0 done, 1 the database failed or values that do not
 * decrypt remain, 2 usage or configuration.
 */
abstract class MigrationCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Aegis configuration (YAML)")
  Path config;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--batch-size", defaultValue = "500", paramLabel = "ROWS",
      description = "Rows per transaction (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--max-rows-per-second", defaultValue = "0", paramLabel = "N",
      description = "Throttle: at most this many rows a second (default: no limit)")
  double maxRowsPerSecond;

  @Option(names = "--dry-run", description = "Count what would change; write nothing")
  boolean dryRun;

  @Spec
  CommandSpec spec;

  abstract MigrationKind kind();

  /** The configured columns this run covers, by table. */
  abstract Map<String, List<ProtectedColumn>> select(EncryptedColumns columns) throws ParameterException;

  /** Checks to make before any table is touched (encrypt-column: the columns can hold ciphertext). */
  int prepare(Connection connection, AegisConfig settings, PrintWriter out) throws SQLException {
    return 0;
  }

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!database.given()) {
        throw new ParameterException(spec.commandLine(), "give the application's database with --url"
            + " jdbc:mysql://HOST:PORT/DATABASE (and --user, --password or AEGIS_DB_PASSWORD)");
      }
      AegisConfig settings = ConfigReader.read(new ConfigLocation(config.toString(),
          ConfigLocation.Origin.COMMAND_LINE));
      if (settings.columns().isEmpty()) {
        err.println("The configuration " + config + " has no encrypted columns.");
        return 2;
      }
      ConnectionSource connections = database.connections();
      EncryptedColumns columns;
      Map<String, KeysetHandle> keysets;
      try (Connection connection = connections.open()) {
        int prepared = prepare(connection, settings, out);
        if (prepared != 0) {
          return prepared;
        }
        Path base = config.toAbsolutePath().getParent();
        MasterKey master = MasterKey.load(settings.keys().master(), base, System::getenv);
        Location keysetsAt = settings.keys().keysets();
        keysets = KeysetStore.of(keysetsAt, base, connections).read(master);
        columns = EncryptedColumns.of(settings, keysets, SchemaCheck.run(connection, settings).binary());
      }
      Map<String, List<ProtectedColumn>> tables = select(columns);
      TableMigration.Settings batches = new TableMigration.Settings(batchSize, maxRowsPerSecond, dryRun);
      boolean clean = true;
      for (Map.Entry<String, List<ProtectedColumn>> table : tables.entrySet()) {
        Map<ProtectedColumn, Integer> primaries = new HashMap<>();
        for (ProtectedColumn column : table.getValue()) {
          primaries.put(column, keysets.get(column.config().key()).getPrimary().getId());
        }
        ProgressBar progress = new ProgressBar(out, System.console() != null, kind().command() + " "
            + table.getKey());
        TableMigration.Result result = new TableMigration(kind(), table.getKey(), table.getValue(), primaries,
            batches, connections, progress).run();
        progress.done(result);
        clean &= result.counts().unreadable() == 0;
      }
      return clean ? 0 : 1;
    } catch (ParameterException e) {
      throw e;
    } catch (AegisConfigurationException e) {
      err.println(e.getMessage());
      return 2;
    } catch (MigrationRefused e) {
      err.println(e.getMessage());
      return 2;
    } catch (SQLException e) {
      err.println(kind().command() + " stopped: the database failed (SQLState " + e.getSQLState() + ": "
          + e.getMessage() + "). Its progress is kept in aegis_jobs; run the same command again to resume.");
      return 1;
    }
  }

  /** The columns named with {@code --column table.column}, which must be configured. */
  Map<String, List<ProtectedColumn>> named(EncryptedColumns columns, List<String> names) {
    Map<String, List<ProtectedColumn>> tables = new LinkedHashMap<>();
    for (String name : names) {
      ProtectedColumn found = null;
      for (ProtectedColumn column : columns.all()) {
        ColumnRef ref = column.ref();
        if ((ref.table() + "." + ref.column()).equalsIgnoreCase(name) || ref.toString().equalsIgnoreCase(name)) {
          found = column;
        }
      }
      if (found == null) {
        throw new ParameterException(spec.commandLine(), "--column " + name + " is not an encrypted column of "
            + config + "; name it as the columns: section does (table.column)");
      }
      tables.computeIfAbsent(found.ref().table(), t -> new ArrayList<>()).add(found);
    }
    return tables;
  }

  /** Prints how the run goes: a redrawn bar on a terminal, a line every few seconds otherwise. */
  static final class ProgressBar implements TableMigration.Listener {
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private final PrintWriter out;
    private final boolean terminal;
    private final String title;
    private long total;
    private long startNanos;
    private long lastLine;
    private long resumedScanned;

    ProgressBar(PrintWriter out, boolean terminal, String title) {
      this.out = out;
      this.terminal = terminal;
      this.title = title;
    }

    @Override
    public void started(long total, long jobId, MigrationCounts resumedFrom) {
      this.total = total;
      this.startNanos = System.nanoTime();
      this.lastLine = startNanos;
      this.resumedScanned = resumedFrom.scanned();
      out.println(title + ": up to " + total + " values" + (jobId == 0 ? " (dry run)" : ", job " + jobId)
          + (resumedFrom.scanned() > 0 ? ", resuming after " + resumedFrom.scanned() + " values" : ""));
      out.flush();
    }

    @Override
    public void batch(MigrationCounts soFar) {
      long now = System.nanoTime();
      if (!terminal && now - lastLine < LINE_EVERY_NANOS) {
        return;
      }
      lastLine = now;
      double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
      double rate = (soFar.scanned() - resumedScanned) / seconds;
      long left = Math.max(0, total - soFar.scanned());
      String eta = rate > 0 ? duration((long) (left / rate)) : "?";
      int percent = total == 0 ? 100 : (int) Math.min(100, soFar.scanned() * 100 / total);
      String line = String.format(Locale.ROOT, "[%-30s] %3d%% %,d/%,d values, %,.0f/s, ETA %s",
          "#".repeat(percent * 30 / 100), percent, soFar.scanned(), total, rate, eta);
      if (terminal) {
        out.print("\r" + line);
      } else {
        out.println(line);
      }
      out.flush();
    }

    void done(TableMigration.Result result) {
      if (terminal) {
        out.println();
      }
      MigrationCounts c = result.counts();
      double seconds = Math.max(1e-3, result.elapsed().toMillis() / 1e3);
      out.printf(Locale.ROOT, "%s: done%s in %s — %,d values scanned, %,d rewritten, %,d already in place,"
          + " %,d changed by the application meanwhile (left as written), %,d plaintext, %,d that do not"
          + " decrypt; %,.0f values/s%n", title, result.resumed() ? " (resumed)" : "", duration((long) seconds),
          c.scanned(), c.changed(), c.current(), c.casMissed(), c.plaintext(), c.unreadable(),
          c.scanned() / seconds);
      if (c.unreadable() > 0) {
        out.println("  values that do not decrypt were left untouched: they were written under a key this"
            + " keyset no longer holds, tampered with, or copied from another column. Find them with"
            + " 'aegis keys status --count'.");
      }
      if (c.plaintext() > 0) {
        out.println("  plaintext values were left: bring them under encryption with 'aegis encrypt-column'.");
      }
      out.flush();
    }

    private static String duration(long seconds) {
      return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
          seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
  }
}

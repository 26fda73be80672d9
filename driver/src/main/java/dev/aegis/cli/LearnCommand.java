package dev.aegis.cli;

import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.AllowlistStore;
import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis learn}: the allowlist of statement shapes that {@code detection.mode: enforce} lets through. */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = "Manages the allowlist of statement shapes (see docs/allowlist.md).",
    subcommands = {LearnCommand.Merge.class, LearnCommand.Prune.class, LearnCommand.ListShapes.class})
final class LearnCommand {

  /** Runs a command's work, turning Aegis's and the database's errors into messages and exit codes. */
  abstract static class Base implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
      try {
        return run(spec.commandLine().getOut());
      } catch (AegisConfigurationException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      } catch (SQLException e) {
        spec.commandLine().getErr().println("The database refused: " + e.getMessage());
        return 1;
      } catch (IOException e) {
        spec.commandLine().getErr().println("The allowlist file could not be written: " + e);
        return 1;
      }
    }

    abstract int run(PrintWriter out) throws SQLException, IOException;
  }

  /**
   * {@code aegis learn merge --into TARGET SOURCE…}: the shapes of every source added to the target, each
   * once, with its earliest first sighting: how the files of several instances, or a reviewed file and the
   * table, become one allowlist.
   */
  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = {"Merges allowlists into one: each shape once, with its earliest first sighting.",
          "A source or target is a file, or the word jdbc for the aegis_allowlist table of --url."})
  static final class Merge extends Base {
    @Option(names = "--into", required = true, paramLabel = "FILE|jdbc",
        description = "The allowlist to merge into (created if absent; what it holds is kept)")
    String into;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Also merge the allowlist this configuration names (its detection.allowlist)")
    Path config;

    @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Allowlist files, or jdbc")
    List<String> sources = new ArrayList<>();

    @Override
    int run(PrintWriter out) throws SQLException, IOException {
      if (sources.isEmpty() && config == null) {
        throw new ParameterException(spec.commandLine(), "Name at least one SOURCE (a file, or jdbc) or --config");
      }
      AllowlistStore target = AllowlistSources.named(into, database, spec);
      List<AllowlistStore> from = new ArrayList<>();
      if (config != null) {
        from.add(AllowlistSources.configured(config, database, spec));
      }
      for (String source : sources) {
        from.add(AllowlistSources.named(source, database, spec));
      }
      Map<String, AllowlistEntry> merged = new LinkedHashMap<>();
      for (AllowlistStore source : from) {
        if (!source.exists()) {
          // A typo in a path must not pass for an empty allowlist.
          throw new ParameterException(spec.commandLine(), "The allowlist " + source.describe()
              + " does not exist");
        }
        for (AllowlistEntry entry : source.load()) {
          merged.merge(entry.digest(), entry, AllowlistEntry::merge);
        }
      }
      Set<String> before = target.exists() ? digests(target.load()) : Set.of();
      long added = merged.keySet().stream().filter(digest -> !before.contains(digest)).count();
      target.create();
      target.add(merged.values());
      out.printf("%d shape(s) from %d source(s) merged into the %s: %d new, %d in all%n", merged.size(),
          from.size(), target.describe(), added, before.size() + added);
      return 0;
    }

    private static Set<String> digests(List<AllowlistEntry> entries) {
      Set<String> digests = new HashSet<>();
      entries.forEach(entry -> digests.add(entry.digest()));
      return digests;
    }
  }

  /**
   * {@code aegis learn prune --config FILE --unused-days N}: removes the shapes not used for N days — last
   * seen for the table, first seen for a file (which records no later use) — so that code paths the
   * application dropped stop being allowed.
   */
  @Command(name = "prune", mixinStandardHelpOptions = true,
      description = {"Removes shapes not used for N days from the configured allowlist.",
          "Uses last-seen times for detection.allowlist: jdbc, first-seen times for a file;",
          "shapes of unknown age (added by hand) are kept."})
  static final class Prune extends Base {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Aegis configuration (YAML)")
    Path config;

    @Option(names = "--unused-days", required = true, paramLabel = "N",
        description = "Remove shapes not used for this many days (at least 1)")
    int unusedDays;

    @Override
    int run(PrintWriter out) throws SQLException, IOException {
      if (unusedDays < 1) {
        throw new ParameterException(spec.commandLine(), "--unused-days must be at least 1,"
            + " was " + unusedDays);
      }
      AllowlistStore store = AllowlistSources.configured(config, database, spec);
      int removed = store.prune(Instant.now().minus(Duration.ofDays(unusedDays)));
      out.printf("%d shape(s) not used for %d day(s) removed from the %s; %d remain%n", removed, unusedDays,
          store.describe(), store.load().size());
      return 0;
    }
  }

  /** {@code aegis learn list}: the entries of an allowlist, in the file format (sorted by digest). */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Prints an allowlist's entries in the file format, sorted by digest.")
  static final class ListShapes extends Base {
    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Option(names = "--config", paramLabel = "FILE", description = "The allowlist this configuration names")
      Path config;

      @Parameters(paramLabel = "SOURCE", description = "An allowlist file, or jdbc")
      String source;
    }

    @Override
    int run(PrintWriter out) throws SQLException, IOException {
      AllowlistStore store = which.config != null ? AllowlistSources.configured(which.config, database, spec)
          : AllowlistSources.named(which.source, database, spec);
      List<AllowlistEntry> entries = store.load();
      AllowlistFile.format(entries, out);
      out.flush();
      spec.commandLine().getErr().printf("%d shape(s) in the %s%n", entries.size(), store.describe());
      return 0;
    }
  }
}

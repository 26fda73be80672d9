package dev.aegis.cli;

import dev.aegis.jdbc.AegisDriver;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.SealedKeysets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aegis keys backup --out FILE}: copies the keyset store's stored forms, still sealed under the master
 * key, into a new file readable by its owner only — after checking that every keyset opens under the current
 * master, so a backup is never written that could not be restored with it. See {@link KeysBackupFile}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Copies the sealed keysets and their metadata into a new owner-only JSON file.")
final class KeysBackupCommand extends KeysSubcommand {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to create")
  Path outFile;

  private final Clock clock;

  KeysBackupCommand() {
    this(Clock.systemUTC());
  }

  KeysBackupCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    Map<String, String> sealed = keys.store.readSealed();
    if (sealed.isEmpty()) {
      throw new Refused(keys.store.describe() + " holds no keyset: there is nothing to back up.");
    }
    Map<String, Keyset> opened = SealedKeysets.open(sealed, keys.master(), keys.store.describe());
    new KeysBackupFile(sealed).write(outFile, opened, keys.store.describe(), keys.masterAt.toString(),
        AegisDriver.version(), clock.instant());
    out.printf("backup of %d keyset(s) written to %s (readable by its owner only):%n", sealed.size(),
        outFile.toAbsolutePath());
    for (Map.Entry<String, Keyset> keyset : opened.entrySet()) {
      KeysetView view = KeysetView.of(keyset.getKey(), keyset.getValue());
      out.printf("  %s: key(s) %s, primary %s%n", view.name(), String.join(", ", view.keys().stream()
          .map(KeysetView.KeyView::idText).toList()), view.primary().idText());
    }
    out.println("The keysets in it are sealed under the master key (" + keys.masterAt + "); store the backup"
        + " apart from it, and keep that master key as long as the backup: after 'aegis keys rotate-master'"
        + " it opens only under the old one.");
    return OK;
  }
}

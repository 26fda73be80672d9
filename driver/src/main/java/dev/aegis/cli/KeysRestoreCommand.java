package dev.aegis.cli;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.keys.Keyset;
import dev.aegis.keys.MasterKey;
import dev.aegis.keys.SealedKeysets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aegis keys restore --in FILE}: replaces the whole keyset store by a backup in one atomic step (a
 * file rename, one transaction), once every keyset of the backup is proven to open under the current master.
 * A key the store holds and the backup lacks is refused unless {@code --force}: values written under it
 * would no longer be readable by anyone.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Replaces the keyset store by a backup written by 'aegis keys backup'.")
final class KeysRestoreCommand extends KeysSubcommand {
  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The backup file")
  Path inFile;

  @Option(names = "--force", description = "Restore even if keys the store holds are not in the backup"
      + " (values under them become unreadable), or the store's keysets cannot be opened to compare")
  boolean force;

  @Override
  int run(KeysContext keys, PrintWriter out) throws Exception {
    KeysBackupFile backup = KeysBackupFile.read(inFile);
    MasterKey master = keys.master();
    Map<String, Keyset> restored = SealedKeysets.open(backup.sealed(), master, "backup " + inFile.toAbsolutePath());
    List<String> lost = new ArrayList<>();
    String uncompared = null;
    if (keys.store.exists()) {
      try {
        lost = lost(keys.store.readKeysets(master), restored);
      } catch (AegisConfigurationException e) {
        uncompared = e.getMessage();
      }
    }
    if (!force && (uncompared != null || !lost.isEmpty())) {
      throw new Refused(uncompared != null
          ? "The keysets in " + keys.store.describe() + " cannot be compared with the backup: " + uncompared
              + "\nRestore with --force if the backup is what the store must hold. Nothing was changed."
          : "The backup lacks keys that " + keys.store.describe() + " holds; values written under them would"
              + " become unreadable:\n  " + String.join("\n  ", lost) + "\nRestore a newer backup, or run"
              + " 'aegis keys status --count' to check no value needs them and restore with --force."
              + " Nothing was changed.");
    }
    keys.store.replaceSealed(backup.sealed());
    keys.store.readKeysets(master);
    out.printf("%s restored from %s: %s%n", keys.store.describe(), inFile.toAbsolutePath(),
        String.join(", ", restored.keySet()));
    if (!lost.isEmpty()) {
      out.println("dropped (--force): " + String.join("; ", lost));
    }
    out.println("Instances pick the restored keysets up when they next load their keys (keys.refresh) or restart.");
    return OK;
  }

  /** Per keyset of {@code current}, the keys {@code restored} does not hold: "pii: key(s) 12, 34". */
  private static List<String> lost(Map<String, Keyset> current, Map<String, Keyset> restored) {
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, Keyset> keyset : current.entrySet()) {
      Set<Integer> kept = restored.containsKey(keyset.getKey())
          ? ids(restored.get(keyset.getKey())) : Set.of();
      List<String> missing = ids(keyset.getValue()).stream().filter(id -> !kept.contains(id))
          .map(KeysetView::id).toList();
      if (!missing.isEmpty()) {
        lost.add(keyset.getKey() + ": key(s) " + String.join(", ", missing)
            + (restored.containsKey(keyset.getKey()) ? "" : " (the whole keyset is not in the backup)"));
      }
    }
    return lost;
  }

  private static Set<Integer> ids(Keyset keyset) {
    return KeysetView.of("", keyset).keys().stream().map(KeysetView.KeyView::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}

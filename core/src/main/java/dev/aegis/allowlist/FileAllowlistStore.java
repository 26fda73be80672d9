package dev.aegis.allowlist;

import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An allowlist in a text file ({@link AllowlistFile}). Each write reads the file, merges and replaces it
 * whole, so entries an operator added by hand survive learning. Writes are serialised within the process;
 * a file is meant to be written by one instance at a time (a fleet shares the {@code jdbc} store, or merges
 * its instances' files with {@code aegis learn merge}).
 */
public final class FileAllowlistStore implements AllowlistStore {
  private final Path path;

  public FileAllowlistStore(Path path) {
    this.path = path.toAbsolutePath();
  }

  @Override
  public List<AllowlistEntry> load() throws AegisConfigurationException {
    return Files.exists(path) ? AllowlistFile.read(path) : List.of();
  }

  @Override
  public boolean exists() {
    return Files.isRegularFile(path);
  }

  @Override
  public void create() {
    // The file appears with its first entry: an empty file written now would only hide a wrong path.
  }

  @Override
  public synchronized void add(Collection<AllowlistEntry> entries) throws IOException, AegisConfigurationException {
    if (entries.isEmpty()) {
      return;
    }
    Map<String, AllowlistEntry> merged = new LinkedHashMap<>();
    for (AllowlistEntry entry : load()) {
      merged.put(entry.digest(), entry);
    }
    for (AllowlistEntry entry : entries) {
      merged.merge(entry.digest(), entry, AllowlistEntry::merge);
    }
    AllowlistFile.write(path, merged.values());
  }

  @Override
  public boolean tracksLastSeen() {
    return false;
  }

  @Override
  public void touch(Collection<String> fingerprints, Instant time) {
    // A file records first sightings only: rewriting it for every use would make its diffs unreadable.
  }

  @Override
  public synchronized int prune(Instant cutoff) throws IOException, AegisConfigurationException {
    List<AllowlistEntry> kept = new ArrayList<>();
    List<AllowlistEntry> all = load();
    for (AllowlistEntry entry : all) {
      if (entry.lastUse() == null || !entry.lastUse().isBefore(cutoff)) {
        kept.add(entry);
      }
    }
    int removed = all.size() - kept.size();
    if (removed > 0) {
      AllowlistFile.write(path, kept);
    }
    return removed;
  }

  @Override
  public String describe() {
    return "file " + path;
  }

  @Override
  public String toString() {
    return "FileAllowlistStore(" + path + ")";
  }
}

package dev.aegis.behaviour;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learned per-principal {@link Profile}s in a JSON file, so a restart — or switching from {@code learn} to
 * {@code enforce} — does not forget them. Written atomically; a failed write is logged and the profiles
 * stay in memory.
 */
public final class FileProfileStore implements ProfileStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileProfileStore.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

  public FileProfileStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The profiles in the file; none when it does not exist yet. */
  @Override
  public Map<String, Profile> load() {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Profile>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("the behaviour profiles in " + file + " are not a JSON object of"
          + " principal to profile", e);
    }
  }

  @Override
  public synchronized void save(Map<String, Profile> profiles) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".profiles", ".tmp");
      JSON.writeValue(temporary.toFile(), new TreeMap<>(profiles));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Aegis could not save behaviour profiles to {} ({}); they stay in memory", file,
          e.getClass().getSimpleName());
    }
  }
}

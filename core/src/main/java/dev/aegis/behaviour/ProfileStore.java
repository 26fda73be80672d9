package dev.aegis.behaviour;

import com.fasterxml.jackson.core.type.TypeReference;
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
 * Learned per-principal baselines (rows read per minute) in a JSON file, so a restart — or switching from
 * {@code learn} to {@code enforce} — does not forget them. Written atomically; a failed write is logged
 * and the baselines stay in memory.
 */
public final class ProfileStore {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public ProfileStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The baselines in the file; none when it does not exist yet. */
  public Map<String, Long> load() {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Long>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("the behaviour profiles in " + file + " are not a JSON object of"
          + " principal to rows per minute", e);
    }
  }

  synchronized void save(Map<String, Long> baselines) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".profiles", ".tmp");
      JSON.writeValue(temporary.toFile(), new TreeMap<>(baselines));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Aegis could not save behaviour profiles to {} ({}); they stay in memory", file,
          e.getClass().getSimpleName());
    }
  }
}

package dev.aegis.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.crypto.tink.KeysetHandle;
import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named data keysets in one JSON file, each encrypted under the master key with its name as associated data
 * (so one keyset cannot be passed off as another). The file holds no key in the clear; it may be
 * versioned and backed up like any other file, though it is as sensitive as the data's metadata.
 */
public final class KeysetFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private KeysetFile() {}

  /** Every keyset in {@code path}, decrypted with {@code master}. */
  public static Map<String, KeysetHandle> read(Path path, MasterKey master) throws AegisConfigurationException {
    Map<String, KeysetHandle> keysets = new TreeMap<>();
    readKeysets(path, master).forEach((name, keyset) -> keysets.put(name, keyset.handle()));
    return keysets;
  }

  /** Every keyset in {@code path} with its keys' dates, decrypted with {@code master}. */
  public static Map<String, Keyset> readKeysets(Path path, MasterKey master) throws AegisConfigurationException {
    Map<String, Keyset> keysets = new TreeMap<>();
    for (Map.Entry<String, String> entry : readRaw(path).entrySet()) {
      keysets.put(entry.getKey(), EncryptedKeyset.open(entry.getKey(), entry.getValue(), master,
          path.toAbsolutePath().toString()));
    }
    return keysets;
  }

  /**
   * Writes {@code keysets} to {@code path}, encrypted under {@code master}, replacing the file atomically
   * and readable by its owner only.
   */
  public static void write(Path path, Map<String, KeysetHandle> keysets, MasterKey master)
      throws IOException, GeneralSecurityException {
    Map<String, String> encrypted = new TreeMap<>();
    for (Map.Entry<String, KeysetHandle> entry : keysets.entrySet()) {
      encrypted.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), entry.getValue(), Map.of(),
          java.time.Instant.now(), master));
    }
    writeRaw(path, encrypted);
  }

  static void writeRaw(Path path, Map<String, String> encrypted) throws IOException {
    Path target = path.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".keysets", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    com.fasterxml.jackson.databind.node.ObjectNode file = JSON.createObjectNode();
    encrypted.forEach((name, stored) -> file.set(name, EncryptedKeyset.tree(stored)));
    Files.writeString(temporary, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static Map<String, String> readRaw(Path path) throws AegisConfigurationException {
    if (!Files.isRegularFile(path)) {
      throw MasterKey.unavailable("the keyset file " + path.toAbsolutePath() + " does not exist. Run"
          + " 'aegis keys init' to create it");
    }
    try {
      com.fasterxml.jackson.databind.JsonNode file = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
      if (file == null || !file.isObject()) {
        throw new IOException("not an object");
      }
      Map<String, String> stored = new TreeMap<>();
      file.fields().forEachRemaining(entry -> stored.put(entry.getKey(), entry.getValue().isTextual()
          ? entry.getValue().asText() : entry.getValue().toString()));
      return stored;
    } catch (IOException e) {
      throw MasterKey.unavailable("the keyset file " + path.toAbsolutePath() + " is not a JSON object of"
          + " encrypted keysets");
    }
  }
}

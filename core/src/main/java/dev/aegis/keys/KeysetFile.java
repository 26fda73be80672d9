package dev.aegis.keys;

import com.fasterxml.jackson.core.type.TypeReference;
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
    Map<String, String> encrypted = readRaw(path);
    Map<String, KeysetHandle> keysets = new TreeMap<>();
    for (Map.Entry<String, String> entry : encrypted.entrySet()) {
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
      encrypted.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), entry.getValue(), master));
    }
    writeRaw(path, encrypted);
  }

  static void writeRaw(Path path, Map<String, String> encrypted) throws IOException {
    Path target = path.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".keysets", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, JSON.writeValueAsString(encrypted), StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static Map<String, String> readRaw(Path path) throws AegisConfigurationException {
    if (!Files.isRegularFile(path)) {
      throw MasterKey.unavailable("the keyset file " + path.toAbsolutePath() + " does not exist. Run"
          + " 'aegis keys init' to create it");
    }
    try {
      return JSON.readValue(Files.readString(path, StandardCharsets.UTF_8), new TypeReference<TreeMap<String, String>>() {});
    } catch (IOException e) {
      throw MasterKey.unavailable("the keyset file " + path.toAbsolutePath() + " is not a JSON object of"
          + " encrypted keysets");
    }
  }
}

package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;

/** Keysets in one JSON file ({@code keys.keysets: file:PATH}); see {@link KeysetFile}. */
public final class FileKeysetStore implements KeysetStore {
  private final Path path;

  public FileKeysetStore(Path path) {
    this.path = path.toAbsolutePath();
  }

  @Override
  public Map<String, KeysetHandle> read(MasterKey master) throws AegisConfigurationException {
    return KeysetFile.read(path, master);
  }

  @Override
  public boolean exists() {
    return Files.exists(path);
  }

  @Override
  public void write(Map<String, KeysetHandle> keysets, MasterKey master)
      throws IOException, GeneralSecurityException, AegisConfigurationException {
    // Keysets not given are kept still sealed, as the table keeps rows an upsert does not name.
    Map<String, String> encrypted = exists() ? KeysetFile.readRaw(path) : new TreeMap<>();
    for (Map.Entry<String, KeysetHandle> entry : keysets.entrySet()) {
      encrypted.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), entry.getValue(), master));
    }
    KeysetFile.writeRaw(path, encrypted);
  }

  @Override
  public String describe() {
    return path.toString();
  }

  @Override
  public String toString() {
    return "FileKeysetStore(" + path + ")";
  }
}

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
  public Map<String, String> readSealed() throws AegisConfigurationException {
    return KeysetFile.readRaw(path);
  }

  @Override
  public Map<String, Keyset> readKeysets(MasterKey master) throws AegisConfigurationException {
    return KeysetFile.readKeysets(path, master);
  }

  @Override
  public void replaceSealed(Map<String, String> sealed) throws IOException {
    KeysetFile.writeRaw(path, sealed);
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
    encrypted.putAll(KeysetStore.seal(keysets, encrypted, master));
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

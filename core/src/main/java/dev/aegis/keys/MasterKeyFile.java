package dev.aegis.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.aegis.error.AegisConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * A master key file ({@code keys.master: file:PATH}) as a Tink keyset that can grow a key, so the master can
 * be rotated in place: a new key becomes primary while the old one stays enabled, every keyset is re-wrapped
 * under the new one, and instances that read the file again open keysets sealed under either. Once every
 * keyset opens under the primary alone, the old key is removed. The key material never leaves this class.
 */
public final class MasterKeyFile {
  private final Path path;
  private final KeysetHandle keyset;

  private MasterKeyFile(Path path, KeysetHandle keyset) {
    this.path = path;
    this.keyset = keyset;
  }

  /**
   * Reads a master key file, refusing one its group or others may read, as {@link MasterKey#load} does.
   *
   * @throws AegisConfigurationException ZA201 when the file is missing, too open or not a Tink AEAD keyset
   */
  public static MasterKeyFile read(Path path) throws AegisConfigurationException {
    Path absolute = path.toAbsolutePath();
    return new MasterKeyFile(absolute, MasterKey.parse(MasterKey.readFile(absolute), "file " + absolute));
  }

  public Path path() {
    return path;
  }

  /** How many keys the file holds: 1, or 2 while an in-place rotation is under way. */
  public int keyCount() {
    return keyset.size();
  }

  /** The id of the key new keysets are sealed under. */
  public int primaryId() {
    return keyset.getPrimary().getId();
  }

  /** Every key id in the file, in the file's order. */
  public List<Integer> keyIds() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < keyset.size(); i++) {
      ids.add(keyset.getAt(i).getId());
    }
    return List.copyOf(ids);
  }

  /** The master key as instances load it: it opens keysets sealed under any enabled key, seals under the primary. */
  public MasterKey key() throws AegisConfigurationException {
    return MasterKey.of(keyset, "file " + path);
  }

  /** The primary key alone: what proves that no keyset still needs an older key of the file. */
  public MasterKey primaryOnly() throws AegisConfigurationException {
    try {
      return MasterKey.of(onlyPrimary(), "primary key of file " + path);
    } catch (GeneralSecurityException e) {
      throw MasterKey.unavailable("the master key file " + path + " cannot be reduced to its primary key", e);
    }
  }

  /** This file with a new AES-256-GCM key as primary; the keys it had stay enabled. Not written yet. */
  public MasterKeyFile withNewPrimary() throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
        .withRandomId().setStatus(KeyStatus.ENABLED).makePrimary());
    return new MasterKeyFile(path, builder.build());
  }

  /** This file with its primary key only. Not written yet. */
  public MasterKeyFile withPrimaryOnly() throws GeneralSecurityException {
    return new MasterKeyFile(path, onlyPrimary());
  }

  private KeysetHandle onlyPrimary() throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (!builder.getAt(i).isPrimary()) {
        builder.deleteAt(i);
      }
    }
    return builder.build();
  }

  /**
   * Replaces the file by this keyset in one rename, readable by its owner only: a reader sees the old file or
   * the new one, never a part of either.
   */
  public void write() throws IOException, GeneralSecurityException {
    Path directory = path.getParent();
    Path temporary = Files.getFileStore(directory).supportsFileAttributeView("posix")
        ? Files.createTempFile(directory, ".master", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(directory, ".master", ".tmp");
    try {
      Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset,
          InsecureSecretKeyAccess.get()), StandardCharsets.UTF_8);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  @Override
  public String toString() {
    return "MasterKeyFile(" + path + ", " + keyset.size() + " key(s))";
  }
}

package dev.aegis.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.aegis.config.Location;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The key-encryption key: a Tink AES-256-GCM keyset in JSON, from {@code file:PATH} or {@code env:VAR}. It
 * only ever encrypts keysets. A master key file readable by its group or others is refused, as ssh refuses
 * such a private key: it is the one secret that unlocks every column.
 */
public final class MasterKey {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private final Aead aead;
  private final String source;

  private MasterKey(Aead aead, String source) {
    this.aead = aead;
    this.source = source;
  }

  /**
   * Loads the master key.
   *
   * @param location {@code file:PATH} (relative paths start at {@code base}) or {@code env:VAR}
   * @param environment where {@code env:} variables are read (System::getenv outside tests)
   */
  public static MasterKey load(Location location, Path base, UnaryOperator<String> environment)
      throws AegisConfigurationException {
    String json;
    String source;
    if (location.scheme() == Location.Scheme.ENV) {
      source = "environment variable " + location.target();
      json = environment.apply(location.target());
      if (json == null || json.isBlank()) {
        throw unavailable("the master key's " + source + " is not set. Run 'aegis keys init', which prints"
            + " a new key for it, or point keys.master at a file:PATH");
      }
    } else {
      Path path = base.resolve(location.target()).toAbsolutePath();
      source = "file " + path;
      json = readFile(path);
    }
    return of(parse(json, source), source);
  }

  /** The master key file's JSON, after the checks {@link #load} makes: it exists and only its owner reads it. */
  static String readFile(Path path) throws AegisConfigurationException {
    if (!Files.isRegularFile(path)) {
      throw unavailable("the master key file " + path + " does not exist. Run 'aegis keys init' to create it");
    }
    checkPermissions(path);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unavailable("the master key file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The Tink keyset a master key's JSON holds. */
  static KeysetHandle parse(String json, String source) throws AegisConfigurationException {
    try {
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
      return keyset;
    } catch (GeneralSecurityException | RuntimeException e) {
      // Never the key's text or Tink's detail: the message must be safe to log.
      throw unavailable("the master key in " + source + " is not a Tink AEAD keyset in JSON");
    }
  }

  /** The master key made of {@code keyset}: it decrypts under any of its enabled keys, encrypts under the primary. */
  static MasterKey of(KeysetHandle keyset, String source) throws AegisConfigurationException {
    try {
      return new MasterKey(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), source);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw unavailable("the master key in " + source + " is not a Tink AEAD keyset");
    }
  }

  /** A new master key, as the JSON a master key file or variable holds. */
  public static String generate() throws GeneralSecurityException {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
  }

  /** Writes {@code json} to a new file readable by its owner only. */
  public static void writeFile(Path path, String json) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(path);
    }
    Files.writeString(path, json, StandardCharsets.UTF_8);
  }

  private static void checkPermissions(Path path) throws AegisConfigurationException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
        throw unavailable("the master key file " + path + " is readable or writable by others ("
            + PosixFilePermissions.toString(permissions) + "). Run 'chmod 600 " + path + "'");
      }
    } catch (UnsupportedOperationException notPosix) {
      // Windows and other non-POSIX file systems: their ACLs are the operator's to set.
    } catch (IOException e) {
      throw unavailable("the permissions of master key file " + path + " cannot be read");
    }
  }

  static AegisConfigurationException unavailable(String problem) {
    return unavailable(problem, null);
  }

  static AegisConfigurationException unavailable(String problem, Throwable cause) {
    return new AegisConfigurationException(AegisSqlState.KEYS_UNAVAILABLE, "Aegis keys unavailable: " + problem
        + ".", cause);
  }

  /** Encrypts one keyset's serialization, bound to {@code associatedData} (the keyset's name). */
  Aead aead() {
    return aead;
  }

  @Override
  public String toString() {
    return "MasterKey(" + source + ")";
  }
}

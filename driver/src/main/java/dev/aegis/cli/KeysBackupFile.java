package dev.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import dev.aegis.keys.Keyset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backup of a keyset store: every keyset's stored form exactly as the store holds it (sealed under the
 * master key, with its keys' dates), and beside it what an operator needs to know which backup this is —
 * when, from which store, by which Aegis, which keysets and key ids. The key ids are in the clear, as they
 * are in Tink's own encrypted keyset format; no key is. Restoring needs the master key the keysets were
 * sealed under.
 *
 * <pre>
 * {"format": "aegis-keys-backup", "format-version": 1, "created": "…", "aegis-version": "…",
 *  "store": "table aegis_keysets", "master": "file:keys/master.json",
 *  "keysets": {"pii": {"primary-key-id": 1, "key-ids": [1, 2], "sealed": "&lt;stored form&gt;"}}}
 * </pre>
 *
 * @param sealed per keyset name, its stored form
 */
record KeysBackupFile(Map<String, String> sealed) {
  static final String FORMAT = "aegis-keys-backup";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  KeysBackupFile {
    sealed = Map.copyOf(sealed);
  }

  /**
   * Writes the backup to a new file readable by its owner only; an existing file is never replaced.
   *
   * @param opened the same keysets opened, for their key ids
   */
  void write(Path file, Map<String, Keyset> opened, String store, String master, String version, Instant now)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("format-version", 1);
    root.put("created", now.toString());
    root.put("aegis-version", version);
    root.put("store", store);
    root.put("master", master);
    ObjectNode keysets = root.putObject("keysets");
    for (Map.Entry<String, String> entry : new TreeMap<>(sealed).entrySet()) {
      KeysetView view = KeysetView.of(entry.getKey(), opened.get(entry.getKey()));
      ObjectNode node = keysets.putObject(entry.getKey());
      node.put("primary-key-id", Integer.toUnsignedLong(view.primary().id()));
      ArrayNode ids = node.putArray("key-ids");
      view.keys().forEach(key -> ids.add(Integer.toUnsignedLong(key.id())));
      node.put("sealed", entry.getValue());
    }
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "a backup never replaces a file; give another"
          + " --out");
    }
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.getFileStore(directory).supportsFileAttributeView("posix")
        ? Files.createTempFile(directory, ".keys-backup", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(directory, ".keys-backup", ".tmp");
    try {
      Files.writeString(temporary, JSON.writeValueAsString(root) + System.lineSeparator(), StandardCharsets.UTF_8);
      // A rename within the directory, so no reader sees half a backup; without REPLACE_EXISTING a file that
      // appeared meanwhile is kept and reported.
      Files.move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads a backup.
   *
   * @throws AegisConfigurationException when the file is not an Aegis keys backup (names the file)
   */
  static KeysBackupFile read(Path file) throws AegisConfigurationException, IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw notABackup(file, "it is not JSON");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("format-version").asInt() != 1) {
      throw notABackup(file, "it has no \"format\": \"" + FORMAT + "\", \"format-version\": 1");
    }
    JsonNode keysets = root.path("keysets");
    if (!keysets.isObject() || keysets.isEmpty()) {
      throw notABackup(file, "it holds no keyset");
    }
    Map<String, String> sealed = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = keysets.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode stored = entry.getValue().path("sealed");
      if (!stored.isTextual()) {
        throw notABackup(file, "keyset '" + entry.getKey() + "' has no \"sealed\" text");
      }
      sealed.put(entry.getKey(), stored.asText());
    }
    return new KeysBackupFile(sealed);
  }

  private static AegisConfigurationException notABackup(Path file, String why) {
    return new AegisConfigurationException(AegisSqlState.CONFIG_INVALID, "The file " + file.toAbsolutePath()
        + " is not an Aegis keys backup: " + why + ". Give a file written by 'aegis keys backup'.");
  }
}

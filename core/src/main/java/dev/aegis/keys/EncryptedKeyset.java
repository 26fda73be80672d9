package dev.aegis.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.aegis.error.AegisConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One keyset's stored form, the same in every store: a JSON object holding Tink's encrypted JSON under the
 * master key (bound to the keyset's name, so that a keyset stored under another name does not open) and
 * the date each key was added:
 *
 * <pre>{"keyset": "&lt;Tink encrypted keyset JSON&gt;", "created": {"&lt;key id&gt;": "&lt;ISO instant&gt;"}}</pre>
 *
 * <p>Stores written before dates were kept hold Tink's encrypted JSON alone; it still opens, with no dates.
 */
final class EncryptedKeyset {
  static {
    // A keyset parsed before its key type is registered holds opaque keys with no parameters, which can
    // neither be described nor grow a key of the same kind: register both kinds Aegis stores.
    try {
      com.google.crypto.tink.aead.AeadConfig.register();
      com.google.crypto.tink.daead.DeterministicAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final String ASSOCIATED_PREFIX = "aegis-keyset:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EncryptedKeyset() {}

  /**
   * The stored form of {@code keyset}; keys without a date in {@code created} are dated {@code now}.
   */
  static String seal(String name, KeysetHandle keyset, Map<Integer, Instant> created, Instant now,
      MasterKey master) throws GeneralSecurityException {
    ObjectNode stored = JSON.createObjectNode();
    stored.put("keyset", TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(),
        associated(name)));
    ObjectNode dates = stored.putObject("created");
    for (int i = 0; i < keyset.size(); i++) {
      int id = keyset.getAt(i).getId();
      Instant date = created.get(id);
      dates.put(Integer.toUnsignedString(id), (date == null ? now : date).toString());
    }
    return stored.toString();
  }

  /**
   * @param where the store, for the message
   * @throws AegisConfigurationException ZA201 naming the keyset, never Tink's detail
   */
  static Keyset open(String name, String stored, MasterKey master, String where)
      throws AegisConfigurationException {
    try {
      KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(tinkJson(stored), master.aead(),
          associated(name));
      return new Keyset(handle, createdOf(stored));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw MasterKey.unavailable("keyset '" + name + "' in " + where + " does not decrypt under the master"
          + " key (another master key, or the keyset was edited or renamed)");
    }
  }

  /** The dates in a stored keyset, without opening it; empty for the older form or what does not parse. */
  static Map<Integer, Instant> createdOf(String stored) {
    Map<Integer, Instant> dates = new TreeMap<>();
    JsonNode node = parse(stored);
    JsonNode created = node == null ? null : node.get("created");
    if (created == null || !created.isObject()) {
      return dates;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = created.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> date = it.next();
      try {
        dates.put(Integer.parseUnsignedInt(date.getKey()), Instant.parse(date.getValue().asText()));
      } catch (NumberFormatException | DateTimeParseException ignored) {
        // A hand-edited date is dropped rather than failing the keyset: dates only drive rotation advice.
      }
    }
    return dates;
  }

  /** The stored form as a JSON tree for a file that embeds it; a string node for the older form. */
  static JsonNode tree(String stored) {
    JsonNode node = parse(stored);
    return node != null && node.has("keyset") ? node : JSON.getNodeFactory().textNode(stored);
  }

  private static String tinkJson(String stored) {
    JsonNode node = parse(stored);
    return node != null && node.path("keyset").isTextual() ? node.get("keyset").asText() : stored;
  }

  private static JsonNode parse(String stored) {
    try {
      JsonNode node = JSON.readTree(stored);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static byte[] associated(String name) {
    return (ASSOCIATED_PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}

package dev.aegis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.daead.AesSivParameters;
import dev.aegis.keys.Keyset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What may be shown of a keyset: its keys' ids, statuses, types and dates — Tink's {@code KeysetInfo} and
 * the dates Aegis keeps — never a key's bytes. Every command that prints a keyset prints this.
 *
 * @param name the keyset's name
 * @param kind {@code deterministic} (AES-SIV), {@code randomized} (AES-GCM), or {@code unknown}
 * @param keys in the keyset's order (Tink appends new keys)
 */
record KeysetView(String name, String kind, List<KeyView> keys) {

  /**
   * One key.
   *
   * @param id Tink's key id (printed unsigned, as Tink's JSON and the stored dates write it)
   * @param status ENABLED, DISABLED or DESTROYED
   * @param primary whether new values are encrypted under it
   * @param created when it was added; null when the store does not know (added before Aegis kept dates)
   * @param algorithm AES-256-SIV, AES-256-GCM, or Tink's parameters class for another type
   * @param typeUrl Tink's key type URL; null for a type Aegis does not make
   * @param outputPrefix Tink's variant: TINK (a 5-byte prefix with the key id), CRUNCHY, NO_PREFIX
   * @param parameters Tink's description of the parameters (sizes, variant; no key material)
   */
  record KeyView(int id, String status, boolean primary, Instant created, String algorithm, String typeUrl,
      String outputPrefix, String parameters) {

    String idText() {
      return KeysetView.id(id);
    }
  }

  KeysetView {
    keys = List.copyOf(keys);
  }

  static KeysetView of(String name, Keyset keyset) {
    KeysetHandle handle = keyset.handle();
    List<KeyView> keys = new ArrayList<>();
    for (int i = 0; i < handle.size(); i++) {
      KeysetHandle.Entry entry = handle.getAt(i);
      Parameters parameters = entry.getKey().getParameters();
      keys.add(new KeyView(entry.getId(), status(entry.getStatus()), entry.isPrimary(),
          keyset.createdOf(entry.getId()), algorithm(parameters), typeUrl(parameters), outputPrefix(parameters),
          parameters.toString()));
    }
    return new KeysetView(name, kind(handle.getPrimary().getKey().getParameters()), keys);
  }

  /** A key id as Tink writes it: unsigned. */
  static String id(int id) {
    return Integer.toUnsignedString(id);
  }

  KeyView primary() {
    return keys.stream().filter(KeyView::primary).findFirst().orElseThrow();
  }

  long enabled() {
    return keys.stream().filter(key -> key.status().equals("ENABLED")).count();
  }

  static String kind(Parameters parameters) {
    if (parameters instanceof AesSivParameters) {
      return "deterministic";
    }
    return parameters instanceof AesGcmParameters ? "randomized" : "unknown";
  }

  private static String status(KeyStatus status) {
    if (status == KeyStatus.ENABLED) {
      return "ENABLED";
    }
    return status == KeyStatus.DISABLED ? "DISABLED" : "DESTROYED";
  }

  private static String algorithm(Parameters parameters) {
    if (parameters instanceof AesSivParameters siv) {
      // Tink's AES-SIV key is two AES keys: a 64-byte key is AES-256-SIV.
      return "AES-" + siv.getKeySizeBytes() * 4 + "-SIV";
    }
    if (parameters instanceof AesGcmParameters gcm) {
      return "AES-" + gcm.getKeySizeBytes() * 8 + "-GCM";
    }
    return parameters.getClass().getSimpleName();
  }

  private static String typeUrl(Parameters parameters) {
    if (parameters instanceof AesSivParameters) {
      return "type.googleapis.com/google.crypto.tink.AesSivKey";
    }
    return parameters instanceof AesGcmParameters ? "type.googleapis.com/google.crypto.tink.AesGcmKey" : null;
  }

  private static String outputPrefix(Parameters parameters) {
    if (parameters instanceof AesSivParameters siv) {
      return siv.getVariant().toString();
    }
    return parameters instanceof AesGcmParameters gcm ? gcm.getVariant().toString() : null;
  }

  /** The keys as JSON objects in {@code into}: id, status, primary, created (ISO instant or null). */
  static void keysJson(List<KeyView> keys, com.fasterxml.jackson.databind.node.ArrayNode into, Instant now,
      boolean withType) {
    for (KeyView key : keys) {
      ObjectNode node = into.addObject();
      node.put("id", Integer.toUnsignedLong(key.id()));
      node.put("status", key.status());
      node.put("primary", key.primary());
      node.put("created", key.created() == null ? null : key.created().toString());
      if (now != null) {
        if (key.created() == null) {
          node.putNull("age-days");
        } else {
          node.put("age-days", java.time.Duration.between(key.created(), now).toDays());
        }
      }
      if (withType) {
        node.put("algorithm", key.algorithm());
        node.put("type-url", key.typeUrl());
        node.put("output-prefix", key.outputPrefix());
        node.put("parameters", key.parameters());
      }
    }
  }
}

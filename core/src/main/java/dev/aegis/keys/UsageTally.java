package dev.aegis.keys;

import dev.aegis.config.ColumnRef;
import dev.aegis.crypto.CiphertextFormat;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Counts the stored values of one column by what they are: ciphertext of the column's domain under one of
 * the keyset's keys, plaintext, or ciphertext the keyset cannot open. A keyset has one key, or two or three
 * mid-rotation, so the counters are two parallel arrays searched in order: nothing is allocated per value
 * beyond what reading it did.
 */
final class UsageTally {
  private final int domainTag;
  private final int[] keyIds;
  private final long[] underKey;
  private long plaintext;
  private long otherDomain;
  private long unknownKey;

  UsageTally(String domain, int[] keyIds) {
    this.domainTag = CiphertextFormat.domainTag(domain);
    this.keyIds = keyIds.clone();
    this.underKey = new long[keyIds.length];
  }

  /**
   * Counts one non-NULL value as the driver returned it: text for a character column (ciphertext in
   * base64), bytes for a binary one. Anything else (a number, a date) cannot be Aegis ciphertext.
   */
  void add(Object value) {
    byte[] stored;
    if (value instanceof byte[] bytes) {
      stored = bytes;
    } else if (value instanceof String text) {
      // The cheap header check first: most plaintext is rejected on its first characters.
      stored = CiphertextFormat.tagOfText(text) < 0 ? null : CiphertextFormat.fromText(text);
    } else {
      stored = null;
    }
    if (!CiphertextFormat.isCiphertext(stored)) {
      plaintext++;
      return;
    }
    if (CiphertextFormat.tagOf(stored) != domainTag) {
      otherDomain++;
      return;
    }
    int keyId = CiphertextFormat.keyIdOf(stored);
    for (int k = 0; k < keyIds.length; k++) {
      if (keyIds[k] == keyId) {
        underKey[k]++;
        return;
      }
    }
    unknownKey++;
  }

  ColumnKeyUsage result(ColumnRef column, String keyset, String domain) {
    Map<Integer, Long> byKey = new LinkedHashMap<>();
    for (int k = 0; k < keyIds.length; k++) {
      if (underKey[k] > 0) {
        byKey.put(keyIds[k], underKey[k]);
      }
    }
    return new ColumnKeyUsage(column, keyset, domain, byKey, plaintext, otherDomain, unknownKey);
  }
}

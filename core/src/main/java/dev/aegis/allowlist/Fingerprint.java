package dev.aegis.allowlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A statement shape's short, stable name: the first 16 hex digits (64 bits) of the SHA-256 of its digest
 * in UTF-8. It keys the {@code aegis_allowlist} table and leads each line of an allowlist file, so a line
 * edited by hand that no longer matches its digest is caught on load. Computed only where a shape is
 * stored or reported, never for a shape already known.
 */
public final class Fingerprint {
  /** Hex digits in a fingerprint. */
  public static final int LENGTH = 16;
  private static final HexFormat HEX = HexFormat.of();

  private Fingerprint() {}

  /** The fingerprint of {@code digest}. */
  public static String of(String digest) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(digest.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(hash, 0, LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code text} has the form of a fingerprint: 16 lower-case hex digits. */
  public static boolean wellFormed(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}

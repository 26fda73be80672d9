package dev.aegis.crypto;

import dev.aegis.config.EncryptionMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How Aegis stores a ciphertext, version 1:
 *
 * <pre>
 *   byte 0      format version (0x01)
 *   bytes 1–4   domain tag: the first 4 bytes of SHA-256(domain), big-endian
 *   bytes 5–    Tink's ciphertext (its own 5-byte key-id prefix, then the AEAD or SIV output)
 * </pre>
 *
 * <p>The version lets a half-migrated table (plaintext and ciphertext mixed) be read and the format evolve.
 * The domain tag says which column domain a value belongs to, so a value whose origin the result metadata
 * does not tell (a UNION, a derived table, a view) can still be decrypted with the right key and associated
 * data — or refused. Character columns store the bytes in standard base64 (with padding); binary columns
 * store them as they are.
 */
public final class CiphertextFormat {
  static final byte VERSION_1 = 0x01;
  static final int HEADER = 5;
  /** Tink's key-id prefix. */
  private static final int TINK_PREFIX = 5;
  /** AES-GCM: 12-byte IV and 16-byte tag. */
  private static final int GCM_OVERHEAD = 12 + 16;
  /** AES-SIV: the 16-byte synthetic IV. */
  private static final int SIV_OVERHEAD = 16;

  private CiphertextFormat() {}

  /** The 4-byte tag of {@code domain}. */
  public static int domainTag(String domain) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(domain.getBytes(StandardCharsets.UTF_8));
      return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | hash[3] & 0xff;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static byte[] seal(int tag, byte[] tinkCiphertext) {
    byte[] stored = new byte[HEADER + tinkCiphertext.length];
    stored[0] = VERSION_1;
    stored[1] = (byte) (tag >>> 24);
    stored[2] = (byte) (tag >>> 16);
    stored[3] = (byte) (tag >>> 8);
    stored[4] = (byte) tag;
    System.arraycopy(tinkCiphertext, 0, stored, HEADER, tinkCiphertext.length);
    return stored;
  }

  /** Whether {@code stored} has the shape of an Aegis ciphertext (version and room for a Tink output). */
  public static boolean isCiphertext(byte[] stored) {
    return stored != null && stored.length > HEADER + TINK_PREFIX && stored[0] == VERSION_1;
  }

  /** The domain tag of a stored ciphertext; only meaningful when {@link #isCiphertext} holds. */
  public static int tagOf(byte[] stored) {
    return (stored[1] & 0xff) << 24 | (stored[2] & 0xff) << 16 | (stored[3] & 0xff) << 8 | stored[4] & 0xff;
  }

  /**
   * The domain tag of a character column's value when it has the shape of Aegis ciphertext (base64 whose
   * first byte is the version), else -1. Reads only the first 8 characters and allocates nothing, so every
   * string of a result can afford the check.
   */
  public static long tagOfText(String text) {
    int length = text.length();
    if (length < 16 || (length & 3) != 0 || text.charAt(0) != 'A') {
      return -1;
    }
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      int sextet = sextet(text.charAt(i));
      if (sextet < 0) {
        return -1;
      }
      bits = bits << 6 | sextet;
    }
    // 48 bits: version byte, 4 tag bytes, one more byte.
    if ((bits >>> 40) != VERSION_1) {
      return -1;
    }
    return (bits >>> 8) & 0xffffffffL;
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /**
   * The id of the Tink key a stored ciphertext was written under (Tink's prefix: 0x01 and the id,
   * big-endian); only meaningful when {@link #isCiphertext} holds.
   */
  public static int keyIdOf(byte[] stored) {
    return (stored[HEADER + 1] & 0xff) << 24 | (stored[HEADER + 2] & 0xff) << 16
        | (stored[HEADER + 3] & 0xff) << 8 | stored[HEADER + 4] & 0xff;
  }

  /** The form a character column stores. */
  public static String toText(byte[] stored) {
    return Base64.getEncoder().encodeToString(stored);
  }

  /** The stored bytes behind a character column's value, or null when the text is not base64 at all. */
  public static byte[] fromText(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /**
   * Bytes a stored value takes for an encoded plaintext of {@code plaintextBytes} bytes (the type byte
   * included): what users size binary columns with.
   */
  public static int storedBytes(EncryptionMode mode, int plaintextBytes) {
    return HEADER + TINK_PREFIX + plaintextBytes
        + (mode == EncryptionMode.DETERMINISTIC ? SIV_OVERHEAD : GCM_OVERHEAD);
  }

  /** Characters a character column needs for the same value: base64 of {@link #storedBytes}. */
  public static int storedChars(EncryptionMode mode, int plaintextBytes) {
    return 4 * ((storedBytes(mode, plaintextBytes) + 2) / 3);
  }
}

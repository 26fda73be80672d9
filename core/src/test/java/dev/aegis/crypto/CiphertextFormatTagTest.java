package dev.aegis.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.config.EncryptionMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CiphertextFormat#tagOfText}: the domain tag read from the first characters of a character column's
 * value, which must agree with decoding the whole value, and say -1 for anything not shaped like Aegis
 * ciphertext.
 */
class CiphertextFormatTagTest {

  /** Domains whose tags set the top bit and whose tags do not, so the unsigned reading is exercised. */
  private static String[] domains() {
    String highBit = null;
    String lowBit = null;
    for (int i = 0; highBit == null || lowBit == null; i++) {
      String domain = "t" + i + ".c";
      if (CiphertextFormat.domainTag(domain) < 0) {
        highBit = highBit == null ? domain : highBit;
      } else {
        lowBit = lowBit == null ? domain : lowBit;
      }
    }
    return new String[] {"customers.email", highBit, lowBit};
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void agreesWithTheDecodedHeaderOfRealCiphertexts(EncryptionMode mode) throws Exception {
    for (String domain : domains()) {
      ColumnCipher cipher = ColumnCipher.of(ColumnCipher.newKeyset(mode), mode, domain);
      for (Object value : new Object[] {"", "ada@example.com", 42L, "x".repeat(300), new byte[] {0, 1, 2}}) {
        String text = CiphertextFormat.toText(cipher.encrypt(PlainValue.encode(value)));
        long expected = Integer.toUnsignedLong(CiphertextFormat.domainTag(domain));

        long tag = CiphertextFormat.tagOfText(text);

        assertThat(tag).as("%s in %s", value, domain).isEqualTo(expected)
            .isEqualTo(Integer.toUnsignedLong(CiphertextFormat.tagOf(CiphertextFormat.fromText(text))));
      }
    }
  }

  @Test
  void readsTheTagBytesOfAnyVersion1Header() {
    byte[] stored = new byte[12];
    stored[0] = 1;
    stored[1] = (byte) 0xde;
    stored[2] = (byte) 0xad;
    stored[3] = (byte) 0xbe;
    stored[4] = (byte) 0xef;
    stored[5] = (byte) 0xff;
    assertThat(CiphertextFormat.tagOfText(Base64.getEncoder().encodeToString(stored))).isEqualTo(0xdeadbeefL);
    stored[1] = 0;
    stored[2] = 0;
    stored[3] = 0;
    stored[4] = 0;
    assertThat(CiphertextFormat.tagOfText(Base64.getEncoder().encodeToString(stored))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "ada@example.com",
      "hello world, this is plaintext!!",
      "2024-01-31 10:11:12.000",
      "AQ==",
      "AQIDBAUGBwg=",
      // base64 of bytes that are not version 1
      "AAAAAAAAAAAAAAAA",
      "AgECAwQFBgcICQoL",
      "/wECAwQFBgcICQoL",
      // not base64 within the first eight characters
      "AQ-_AAAAAAAAAAAA",
      "AQ==AAAAAAAAAAAA",
      "AQID BAUGBwgJCgs",
      "AQIDBA\u00e9GBwgJCgsM",
  })
  void isMinusOneForValuesNotShapedLikeCiphertext(String text) {
    assertThat(CiphertextFormat.tagOfText(text)).isEqualTo(-1);
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void isMinusOneWhenARealCiphertextLosesItsShape(EncryptionMode mode) throws Exception {
    ColumnCipher cipher = ColumnCipher.of(ColumnCipher.newKeyset(mode), mode, "customers.email");
    String text = CiphertextFormat.toText(cipher.encrypt(PlainValue.encode("ada@example.com")));
    assertThat(CiphertextFormat.tagOfText(text)).isNotEqualTo(-1);

    assertThat(CiphertextFormat.tagOfText(text.substring(0, text.length() - 1))).as("length not a multiple of 4")
        .isEqualTo(-1);
    assertThat(CiphertextFormat.tagOfText(text.substring(0, 12))).as("shorter than any ciphertext")
        .isEqualTo(-1);
    assertThat(CiphertextFormat.tagOfText(Base64.getUrlEncoder().encodeToString(
        "a plaintext value long enough".getBytes(StandardCharsets.UTF_8)))).isEqualTo(-1);
    byte[] stored = CiphertextFormat.fromText(text);
    stored[0] = 2;
    assertThat(CiphertextFormat.tagOfText(CiphertextFormat.toText(stored))).as("version 2").isEqualTo(-1);
    stored[0] = 0;
    assertThat(CiphertextFormat.tagOfText(CiphertextFormat.toText(stored))).as("version 0").isEqualTo(-1);
  }
}

package dev.aegis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.error.AegisCryptoException;
import dev.aegis.error.AegisSqlState;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColumnCipherTest {

  private static KeysetHandle keyset(EncryptionMode mode) throws GeneralSecurityException {
    return ColumnCipher.newKeyset(mode);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void roundTripsAndHidesThePlaintext(EncryptionMode mode) throws Exception {
    ColumnCipher cipher = ColumnCipher.of(keyset(mode), mode, "customers.email");
    byte[] plaintext = PlainValue.encode("ada@example.com");
    byte[] stored = cipher.encrypt(plaintext);
    assertThat(CiphertextFormat.isCiphertext(stored)).isTrue();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ada@example.com");
    assertThat(cipher.decrypt(stored)).isEqualTo(plaintext);
    assertThat(stored).hasSize(CiphertextFormat.storedBytes(mode, plaintext.length));
    assertThat(CiphertextFormat.toText(stored)).hasSize(CiphertextFormat.storedChars(mode, plaintext.length));
  }

  @Test
  void deterministicIsEqualForEqualValuesAndRandomizedIsNot() throws Exception {
    ColumnCipher deterministic = ColumnCipher.of(keyset(EncryptionMode.DETERMINISTIC),
        EncryptionMode.DETERMINISTIC, "customers.email");
    ColumnCipher randomized = ColumnCipher.of(keyset(EncryptionMode.RANDOMIZED), EncryptionMode.RANDOMIZED,
        "customers.phone");
    byte[] value = PlainValue.encode("x");
    assertThat(deterministic.encrypt(value)).isEqualTo(deterministic.encrypt(value));
    assertThat(randomized.encrypt(value)).isNotEqualTo(randomized.encrypt(value));
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void aValueMovedToAnotherDomainFailsWithItsOwnSqlState(EncryptionMode mode) throws Exception {
    KeysetHandle shared = keyset(mode);
    byte[] stored = ColumnCipher.of(shared, mode, "customers.email").encrypt(PlainValue.encode("a"));
    ColumnCipher other = ColumnCipher.of(shared, mode, "customers.phone");
    assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(AegisCryptoException.class)
        .hasMessageContaining("customers.phone").hasMessageContaining("another column domain")
        .extracting(e -> ((AegisCryptoException) e).getSQLState())
        .isEqualTo(AegisSqlState.DECRYPTION_FAILED.code());
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void aValueWithItsTagForgedStillFailsOnTheAssociatedData(EncryptionMode mode) throws Exception {
    KeysetHandle shared = keyset(mode);
    byte[] stored = ColumnCipher.of(shared, mode, "customers.email").encrypt(PlainValue.encode("a"));
    int otherTag = CiphertextFormat.domainTag("customers.phone");
    byte[] forged = CiphertextFormat.seal(otherTag,
        java.util.Arrays.copyOfRange(stored, CiphertextFormat.HEADER, stored.length));
    assertThatThrownBy(() -> ColumnCipher.of(shared, mode, "customers.phone").decrypt(forged))
        .isInstanceOf(AegisCryptoException.class).hasMessageContaining("does not authenticate");
  }

  @ParameterizedTest
  @EnumSource(EncryptionMode.class)
  void everyFlippedByteAndAWrongKeyFail(EncryptionMode mode) throws Exception {
    ColumnCipher cipher = ColumnCipher.of(keyset(mode), mode, "payments.card_number");
    byte[] stored = cipher.encrypt(PlainValue.encode("4111111111111111"));
    for (int i = 0; i < stored.length; i++) {
      byte[] tampered = stored.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered)).as("byte %d flipped", i)
          .isInstanceOf(AegisCryptoException.class);
    }
    ColumnCipher otherKey = ColumnCipher.of(keyset(mode), mode, "payments.card_number");
    assertThatThrownBy(() -> otherKey.decrypt(stored)).isInstanceOf(AegisCryptoException.class)
        .hasMessageNotContaining("4111");
  }

  @Test
  void plaintextIsNotMistakenForCiphertext() {
    assertThat(CiphertextFormat.isCiphertext(utf8("ada@example.com"))).isFalse();
    assertThat(CiphertextFormat.fromText("not base64 at all!")).isNull();
    assertThat(CiphertextFormat.isCiphertext(CiphertextFormat.fromText("QWRh"))).isFalse();
  }

  @Test
  void toStringCarriesNoKeyMaterial() throws Exception {
    KeysetHandle keyset = keyset(EncryptionMode.RANDOMIZED);
    ColumnCipher cipher = ColumnCipher.of(keyset, EncryptionMode.RANDOMIZED, "customers.phone");
    assertThat(cipher.toString()).isEqualTo("ColumnCipher(customers.phone, randomized)");
  }

  @Test
  void aKeysetOfTheOtherModeIsRefused() {
    assertThatThrownBy(() -> ColumnCipher.of(keyset(EncryptionMode.RANDOMIZED), EncryptionMode.DETERMINISTIC,
        "t.c")).isInstanceOf(GeneralSecurityException.class);
  }
}

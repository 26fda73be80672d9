package dev.aegis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.EncryptionMode;
import org.junit.jupiter.api.Test;

/** Mid-rotation, a deterministic value stored under any enabled key must be found by equality. */
class SearchAcrossKeysTest {

  private static KeysetHandle withSecondKey(KeysetHandle keyset, boolean primary, KeyStatus status)
      throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    KeysetHandle.Builder.Entry entry = KeysetHandle.generateEntryFromParameters(
        PredefinedDeterministicAeadParameters.AES256_SIV).withRandomId().setStatus(status);
    builder.addEntry(primary ? entry.makePrimary() : entry);
    return builder.build();
  }

  @Test
  void oneKeyGivesOneSearchFormEqualToTheStoredForm() throws Exception {
    ColumnCipher cipher = ColumnCipher.of(ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
        EncryptionMode.DETERMINISTIC, "customers.email");
    byte[] plain = PlainValue.encode("ada@example.com");

    assertThat(cipher.searchWidth()).isEqualTo(1);
    assertThat(cipher.encryptForSearch(plain)).isDeepEqualTo(new byte[][] {cipher.encrypt(plain)});
  }

  @Test
  void anAddedKeyWidensTheSearchToBothKeysPrimaryFirst() throws Exception {
    KeysetHandle old = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    ColumnCipher before = ColumnCipher.of(old, EncryptionMode.DETERMINISTIC, "customers.email");
    KeysetHandle added = withSecondKey(old, false, KeyStatus.ENABLED);
    KeysetHandle.Builder promote = KeysetHandle.newBuilder(added);
    promote.getAt(1).makePrimary();
    KeysetHandle promoted = promote.build();
    ColumnCipher addedCipher = ColumnCipher.of(added, EncryptionMode.DETERMINISTIC, "customers.email");
    ColumnCipher promotedCipher = ColumnCipher.of(promoted, EncryptionMode.DETERMINISTIC, "customers.email");
    byte[] plain = PlainValue.encode("ada@example.com");
    byte[] underOld = before.encrypt(plain);
    byte[] underNew = promotedCipher.encrypt(plain);

    assertThat(CiphertextFormat.keyIdOf(underOld)).isEqualTo(old.getPrimary().getId());
    assertThat(CiphertextFormat.keyIdOf(underNew)).isEqualTo(added.getAt(1).getId());
    assertThat(addedCipher.encrypt(plain)).isEqualTo(underOld);
    assertThat(addedCipher.searchWidth()).isEqualTo(2);
    assertThat(addedCipher.encryptForSearch(plain)).isDeepEqualTo(new byte[][] {underOld, underNew});
    assertThat(promotedCipher.encryptForSearch(plain)).isDeepEqualTo(new byte[][] {underNew, underOld});
    assertThat(promotedCipher.decrypt(underOld)).isEqualTo(plain);
  }

  @Test
  void aDisabledKeyIsNotSearchedNorDecrypted() throws Exception {
    KeysetHandle keyset = withSecondKey(ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC), false,
        KeyStatus.DISABLED);
    ColumnCipher cipher = ColumnCipher.of(keyset, EncryptionMode.DETERMINISTIC, "customers.email");

    assertThat(cipher.searchWidth()).isEqualTo(1);
  }

  @Test
  void randomizedColumnsHaveNoSearchForms() throws Exception {
    ColumnCipher cipher = ColumnCipher.of(ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED),
        EncryptionMode.RANDOMIZED, "customers.phone");

    assertThat(cipher.searchWidth()).isEqualTo(1);
    assertThatThrownBy(() -> cipher.encryptForSearch(new byte[] {1})).isInstanceOf(IllegalStateException.class);
  }
}

package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a scan classifies one stored value, without a database. */
class UsageTallyTest {
  private static final ColumnRef EMAIL = ColumnRef.valueOf("customers.email");

  private static KeysetHandle twoKeys() throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId().makePrimary());
    return builder.build();
  }

  private static int[] ids(KeysetHandle keyset) {
    int[] ids = new int[keyset.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = keyset.getAt(i).getId();
    }
    return ids;
  }

  /** The same keyset with only key {@code index} enabled as primary: what wrote values before a rotation. */
  private static ColumnCipher under(KeysetHandle keyset, int index, String domain) throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    builder.getAt(index).makePrimary();
    return ColumnCipher.of(builder.build(), EncryptionMode.DETERMINISTIC, domain);
  }

  @Test
  void ciphertextOfTheDomainIsCountedUnderTheKeyItWasWrittenWithAsTextAndAsBytes() throws Exception {
    KeysetHandle keyset = twoKeys();
    UsageTally tally = new UsageTally("customers.email", ids(keyset));
    byte[] old = under(keyset, 0, "customers.email").encrypt(PlainValue.encode("ada@example.com"));
    byte[] current = under(keyset, 1, "customers.email").encrypt(PlainValue.encode("bob@example.com"));

    tally.add(CiphertextFormat.toText(old));
    tally.add(old);
    tally.add(CiphertextFormat.toText(current));

    ColumnKeyUsage usage = tally.result(EMAIL, "pii", "customers.email");
    assertThat(usage.byKey()).containsExactlyInAnyOrderEntriesOf(Map.of(
        keyset.getAt(0).getId(), 2L, keyset.getAt(1).getId(), 1L));
    assertThat(usage.plaintext()).isZero();
    assertThat(usage.foreign()).isZero();
    assertThat(usage.values()).isEqualTo(3);
    assertThat(usage.under(java.util.List.of(keyset.getAt(0).getId()))).isEqualTo(2);
  }

  @Test
  void valuesThatAreNotAegisCiphertextArePlaintext() throws Exception {
    KeysetHandle keyset = twoKeys();
    UsageTally tally = new UsageTally("customers.email", ids(keyset));

    tally.add("ada@example.com");
    tally.add("");
    tally.add("AAAAAAAAAAAAAAAAAAAAAAAA");                  // base64, but version byte 0
    tally.add("AQ==");                                      // version byte, far too short for a Tink output
    tally.add("AQAAAAAAAAAAAAAA!!!!");                      // a ciphertext-looking start, then not base64
    tally.add("plain".getBytes(StandardCharsets.UTF_8));
    tally.add(new byte[] {1, 2, 3});                        // version byte, too short
    tally.add(42);                                          // a number: never ciphertext

    ColumnKeyUsage usage = tally.result(EMAIL, "pii", "customers.email");
    assertThat(usage.plaintext()).isEqualTo(8);
    assertThat(usage.byKey()).isEmpty();
    assertThat(usage.foreign()).isZero();
  }

  @Test
  void ciphertextOfAnotherDomainOrUnderAKeyTheKeysetLacksIsForeign() throws Exception {
    KeysetHandle keyset = twoKeys();
    UsageTally tally = new UsageTally("customers.email", ids(keyset));
    byte[] otherDomain = under(keyset, 1, "leads.email").encrypt(PlainValue.encode("ada@example.com"));
    byte[] otherKeyset = ColumnCipher.of(ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
        EncryptionMode.DETERMINISTIC, "customers.email").encrypt(PlainValue.encode("ada@example.com"));

    tally.add(CiphertextFormat.toText(otherDomain));
    tally.add(otherKeyset);
    tally.add(CiphertextFormat.toText(otherKeyset));

    ColumnKeyUsage usage = tally.result(EMAIL, "pii", "customers.email");
    assertThat(usage.otherDomain()).isEqualTo(1);
    assertThat(usage.unknownKey()).isEqualTo(2);
    assertThat(usage.foreign()).isEqualTo(3);
    assertThat(usage.byKey()).isEmpty();
    assertThat(usage.plaintext()).isZero();
  }

  @Test
  void theResultIsImmutable() throws Exception {
    KeysetHandle keyset = twoKeys();
    UsageTally tally = new UsageTally("customers.email", ids(keyset));
    tally.add(under(keyset, 1, "customers.email").encrypt(PlainValue.encode("x")));
    ColumnKeyUsage usage = tally.result(EMAIL, "pii", "customers.email");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> usage.byKey().put(1, 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

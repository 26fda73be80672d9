package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.events.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a primary key is due for rotation, and what the warning says. */
class RotationDueTest {
  private static final Instant ADDED = Instant.parse("2026-01-10T08:00:00Z");
  private static KeysetHandle handle;
  private static int primary;

  @BeforeAll
  static void keyset() throws Exception {
    handle = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    primary = handle.getPrimary().getId();
  }

  private static RotationDue at(Duration sinceAdded, int rotationDays) {
    return RotationDue.of("pii", new Keyset(handle, Map.of(primary, ADDED)), rotationDays, ADDED.plus(sinceAdded));
  }

  @ParameterizedTest(name = "{0} after the key was added, rotation-days {1}: {2} {3}")
  @CsvSource({
      "PT0S,     90, FRESH,    0",
      "P82D,     90, FRESH,    0",      // 8 days left
      "P83D,     90, DUE_SOON, 7",      // exactly 7 days left
      "P83DT1H,  90, DUE_SOON, 7",      // 6 days 23 hours left: the 7th day has begun
      "P85D,     90, DUE_SOON, 5",
      "P89DT21H, 90, DUE_SOON, 1",      // three hours left
      "P90D,     90, OVERDUE,  1",      // due this instant
      "P90DT1H,  90, OVERDUE,  1",
      "P93D,     90, OVERDUE,  3",
      "P93DT1S,  90, OVERDUE,  4",
      "PT0S,      1, DUE_SOON, 1",      // the shortest setting warns at once
      "P3000D, 3650, FRESH,    0",
  })
  void dueIsCountedInDaysBegun(Duration sinceAdded, int rotationDays, RotationDue.State state, long days) {
    RotationDue due = at(sinceAdded, rotationDays);

    assertThat(due.state()).isEqualTo(state);
    assertThat(due.days()).isEqualTo(days);
    assertThat(due.warns()).isEqualTo(state != RotationDue.State.FRESH);
    assertThat(due.keyId()).isEqualTo(primary);
    assertThat(due.due()).isEqualTo(ADDED.plus(Duration.ofDays(rotationDays)));
  }

  @Test
  void dueSoonSaysTheDaysLeftTheAgeAndTheDate() {
    RotationDue due = at(Duration.ofDays(85), 90);

    assertThat(due.ageDays()).isEqualTo(85);
    assertThat(due.describe()).startsWith("key rotation due in 5 days: keyset 'pii', primary key " + Integer.toUnsignedString(primary)
        + ", is 85 days old (added 2026-01-10) and due on 2026-04-10 (keys.rotation-days 90);")
        .contains("aegis keys rotate --stage add");
  }

  @Test
  void overdueSaysByHowMuch() {
    RotationDue due = at(Duration.ofDays(91), 90);

    assertThat(due.describe()).startsWith("key rotation overdue by 1 day: keyset 'pii', primary key " + Integer.toUnsignedString(primary)
        + ", is 91 days old (added 2026-01-10) and was due on 2026-04-10 (keys.rotation-days 90);");
  }

  @Test
  void aKeyWithoutADateHasAnUnknownAgeAndTheFixIsNamed() {
    RotationDue due = RotationDue.of("legacy", new Keyset(handle, Map.of()), 90, ADDED);

    assertThat(due.state()).isEqualTo(RotationDue.State.AGE_UNKNOWN);
    assertThat(due.warns()).isTrue();
    assertThat(due.ageDays()).isEqualTo(-1);
    assertThat(due.describe()).startsWith("key age unknown: keyset 'legacy', primary key " + Integer.toUnsignedString(primary)
        + ", has no recorded date").contains("aegis keys rotate").contains("New keys are dated");
  }

  @Test
  void onlyThePrimaryKeysDateCounts() throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(
        com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters.AES256_SIV).withRandomId());
    KeysetHandle two = builder.build();
    int added = two.getAt(1).getId();
    Instant now = ADDED.plus(Duration.ofDays(200));
    // The old primary is long overdue; the newer key is not primary yet, so the keyset is still overdue.
    Keyset keyset = new Keyset(two, Map.of(primary, ADDED, added, now.minus(Duration.ofDays(1))));
    assertThat(RotationDue.of("pii", keyset, 90, now).state()).isEqualTo(RotationDue.State.OVERDUE);

    KeysetHandle.Builder promoting = KeysetHandle.newBuilder(two);
    promoting.getAt(1).makePrimary();
    Keyset promoted = new Keyset(promoting.build(), keyset.created());
    RotationDue fresh = RotationDue.of("pii", promoted, 90, now);
    assertThat(fresh.state()).isEqualTo(RotationDue.State.FRESH);
    assertThat(fresh.keyId()).isEqualTo(added);
    assertThat(fresh.describe()).isNull();
  }

  @Test
  void aDateAheadOfThisClockIsAFreshKey() {
    RotationDue due = at(Duration.ofDays(-2), 90);

    assertThat(due.state()).isEqualTo(RotationDue.State.FRESH);
    assertThat(due.ageDays()).isZero();
  }

  @Test
  void warningsAreAlertsOfTheKeysFamilyNamingThisInstanceNoCaller() {
    Instant now = ADDED.plus(Duration.ofDays(85));
    SecurityEvent soon = KeyEvents.rotation(now, at(Duration.ofDays(85), 90));
    SecurityEvent overdue = KeyEvents.rotation(now, at(Duration.ofDays(95), 90));
    SecurityEvent unknown = KeyEvents.rotation(now, RotationDue.of("x", new Keyset(handle, Map.of()), 90, now));

    assertThat(soon.rule()).isEqualTo("key-rotation-due");
    assertThat(soon.category()).isEqualTo("keys");
    assertThat(soon.severity()).isEqualTo("low");
    assertThat(soon.action()).isEqualTo("alert");
    assertThat(soon.principal()).isNull();
    assertThat(soon.digest()).isNull();
    assertThat(soon.address()).isNotBlank();
    assertThat(soon.detail()).startsWith("key rotation due in 5 days");
    assertThat(overdue.rule()).isEqualTo("key-rotation-due");
    assertThat(overdue.severity()).isEqualTo("medium");
    assertThat(overdue.detail()).startsWith("key rotation overdue by 5 days");
    assertThat(unknown.rule()).isEqualTo("key-age-unknown");
    assertThat(KeyEvents.rotation(now, at(Duration.ZERO, 90))).isNull();
  }
}

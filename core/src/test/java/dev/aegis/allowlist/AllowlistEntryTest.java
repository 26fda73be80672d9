package dev.aegis.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AllowlistEntryTest {
  private static final String DIGEST = "SELECT name FROM customers WHERE id = ?";
  private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant MAY_2 = Instant.parse("2024-05-02T00:00:00Z");
  private static final Instant MAY_3 = Instant.parse("2024-05-03T00:00:00Z");

  @Test
  void theFingerprintIsTheStartOfTheDigestsSha256() {
    // echo -n 'SELECT 1' | sha256sum → e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5
    assertThat(Fingerprint.of("SELECT 1")).isEqualTo("e004ebd5b5532a4b");
    assertThat(Fingerprint.wellFormed(Fingerprint.of(DIGEST))).isTrue();
  }

  @Test
  void mergingKeepsTheEarliestFirstSightingWithItsCallerAndTheLatestLastOne() {
    AllowlistEntry early = new AllowlistEntry(Fingerprint.of(DIGEST), DIGEST, MAY_1, MAY_2, "ada@a");
    AllowlistEntry late = new AllowlistEntry(Fingerprint.of(DIGEST), DIGEST, MAY_2, MAY_3, "alan@b");
    AllowlistEntry expected = new AllowlistEntry(Fingerprint.of(DIGEST), DIGEST, MAY_1, MAY_3, "ada@a");

    assertThat(early.merge(late)).isEqualTo(expected);
    assertThat(late.merge(early)).isEqualTo(expected);
  }

  @Test
  void anUnknownFirstSightingGivesWayToAKnownOne() {
    AllowlistEntry byHand = new AllowlistEntry(Fingerprint.of(DIGEST), DIGEST, null, null, null);
    AllowlistEntry learnt = AllowlistEntry.seen(DIGEST, MAY_2, "app@host");

    assertThat(byHand.merge(learnt)).isEqualTo(learnt);
    assertThat(learnt.merge(byHand)).isEqualTo(learnt);
  }

  @Test
  void aCallerCannotBreakALineOrGrowUnbounded() {
    String caller = AllowlistEntry.caller("eve\n# first-seen 1970-01-01T00:00:00Z\n0000000000000000 DROP", null);
    AllowlistEntry entry = AllowlistEntry.seen(DIGEST, MAY_1, caller);

    assertThat(entry.firstCaller()).doesNotContain("\n", " ").startsWith("eve_#_first-seen").endsWith("@-");
    assertThat(AllowlistEntry.seen(DIGEST, MAY_1, "x".repeat(1000)).firstCaller()).hasSize(200);
    assertThat(AllowlistEntry.caller(null, null)).isNull();
  }
}

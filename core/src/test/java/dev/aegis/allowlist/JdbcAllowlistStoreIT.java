package dev.aegis.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code aegis_allowlist} table against a real server: one schema per test. */
class JdbcAllowlistStoreIT {
  private static final String SHAPE = "SELECT name FROM customers WHERE id = ?";
  private static final Instant MAY_1 = Instant.parse("2024-05-01T12:00:00.123Z");
  private static final Instant MAY_2 = Instant.parse("2024-05-02T00:00:00Z");
  private static final Instant MAY_3 = Instant.parse("2024-05-03T00:00:00Z");
  private TestDatabase db;
  private String schema;
  private JdbcAllowlistStore store;

  @BeforeEach
  void schema() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("allowlist");
    store = new JdbcAllowlistStore(() -> db.connectPlain(schema));
  }

  private String query(String sql) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void theTableIsCreatedOnceAndEntriesRoundTripInUtc() throws Exception {
    assertThat(store.exists()).isFalse();
    store.create();
    store.create();
    assertThat(store.exists()).isTrue();
    String odd = "SELECT `naïve\nname` FROM t WHERE x = ?";

    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_1, "ada@10.0.0.1"), AllowlistEntry.seen(odd, MAY_2, null)));

    assertThat(store.load()).containsExactlyInAnyOrder(
        new AllowlistEntry(Fingerprint.of(SHAPE), SHAPE, MAY_1, MAY_1, "ada@10.0.0.1"),
        new AllowlistEntry(Fingerprint.of(odd), odd, MAY_2, MAY_2, null));
    assertThat(query("SELECT CAST(first_seen AS CHAR) FROM aegis_allowlist WHERE first_caller IS NOT NULL"))
        .as("stored as UTC whatever the server's zone").isEqualTo("2024-05-01 12:00:00.123");
  }

  @Test
  void aShapeAddedAgainKeepsItsEarliestSightingAndCallerAndItsLatestUse() throws Exception {
    store.create();
    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_2, "second@b")));
    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_1, "first@a")));
    store.add(List.of(new AllowlistEntry(Fingerprint.of(SHAPE), SHAPE, MAY_3, MAY_3, "third@c")));

    assertThat(store.load()).containsExactly(
        new AllowlistEntry(Fingerprint.of(SHAPE), SHAPE, MAY_1, MAY_3, "first@a"));
  }

  @Test
  void touchingMovesLastSeenForwardOnly() throws Exception {
    store.create();
    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_2, null), AllowlistEntry.seen("SELECT 1", MAY_2, null)));

    store.touch(List.of(Fingerprint.of(SHAPE)), MAY_3);
    store.touch(List.of(Fingerprint.of(SHAPE), Fingerprint.of("SELECT 1")), MAY_1);

    assertThat(store.load()).extracting(AllowlistEntry::digest, AllowlistEntry::lastSeen)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SHAPE, MAY_3),
            org.assertj.core.groups.Tuple.tuple("SELECT 1", MAY_2));
  }

  @Test
  void pruningRemovesShapesUnusedSinceTheCutoff() throws Exception {
    store.create();
    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_1, null), AllowlistEntry.seen("SELECT 1", MAY_1, null),
        new AllowlistEntry(Fingerprint.of("SELECT 2"), "SELECT 2", null, null, null)));
    store.touch(List.of(Fingerprint.of(SHAPE)), MAY_3);

    assertThat(store.prune(MAY_2)).isEqualTo(1);
    assertThat(store.load()).extracting(AllowlistEntry::digest)
        .as("the used shape, and the one of unknown age").containsExactlyInAnyOrder(SHAPE, "SELECT 2");
  }

  @Test
  void anAllowlistTouchesTheShapesItRanAtMostOncePerInterval() throws Exception {
    store.create();
    store.add(List.of(AllowlistEntry.seen(SHAPE, MAY_1, null), AllowlistEntry.seen("SELECT 1", MAY_1, null)));
    Clock may3 = Clock.fixed(MAY_3, ZoneOffset.UTC);
    Allowlist allowlist = Allowlist.start(store, Duration.ofHours(24), 100, may3, task -> { });

    for (int i = 0; i < 1000; i++) {
      assertThat(allowlist.contains(SHAPE)).isTrue();
    }
    allowlist.flush();

    assertThat(store.load()).extracting(AllowlistEntry::digest, AllowlistEntry::lastSeen)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SHAPE, MAY_3),
            org.assertj.core.groups.Tuple.tuple("SELECT 1", MAY_1));
  }

  @Test
  void anUnreadableTableIsAClearErrorWithoutTheUrl() throws Exception {
    store.create();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("DROP TABLE aegis_allowlist");
    }

    assertThatThrownBy(store::load)
        .isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("table aegis_allowlist cannot be read")
        .hasMessageNotContaining("jdbc:")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA010");
  }
}

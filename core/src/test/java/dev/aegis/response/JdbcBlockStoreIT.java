package dev.aegis.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.lockout.ManualTime;
import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code aegis_blocks} table against a real server, and two block lists sharing it: one schema per test. */
class JdbcBlockStoreIT {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.250Z");
  private TestDatabase db;
  private String schema;
  private JdbcBlockStore store;

  @BeforeEach
  void schema() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("blocks");
    store = new JdbcBlockStore(() -> db.connectPlain(schema));
  }

  private static Block block(BlockKind kind, String subject, Duration lasting, String reason) {
    return new Block(kind, subject, NOW.plus(lasting), reason, NOW, "host-a/42");
  }

  private String query(String sql) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void theTableIsCreatedOnceAndBlocksRoundTripInUtc() throws Exception {
    assertThat(store.exists()).isFalse();
    store.create();
    store.create();
    assertThat(store.exists()).isTrue();
    Block mallory = block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30), "3 blocked statements: r");
    Block address = block(BlockKind.ADDRESS, "2001:db8::66", Duration.ofHours(2), "canary-read");
    Block unicode = block(BlockKind.PRINCIPAL, "Mällory ✓", Duration.ofMinutes(5), "r");

    store.put(mallory);
    store.put(address);
    store.put(unicode);

    assertThat(store.load(NOW, 100)).containsExactly(address, mallory, unicode);
    assertThat(query("SELECT DATE_FORMAT(`until`, '%Y-%m-%d %H:%i:%s.%f') FROM aegis_blocks WHERE subject = 'mallory'"))
        .as("UTC whatever the session time zone").isEqualTo("2026-11-23 10:30:00.250000");
    assertThat(store.load(NOW, 2)).as("longest first, up to the limit").containsExactly(address, mallory);
  }

  @Test
  void subjectsAreComparedByteForByteAsInMemory() throws Exception {
    store.create();
    store.put(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30), "r"));
    store.put(block(BlockKind.PRINCIPAL, "Mallory", Duration.ofMinutes(30), "r"));
    store.put(block(BlockKind.ADDRESS, "mallory", Duration.ofMinutes(30), "r"));

    assertThat(store.load(NOW, 100)).hasSize(3);
    assertThat(store.remove(BlockKind.PRINCIPAL, "MALLORY")).isZero();
    assertThat(store.remove(BlockKind.PRINCIPAL, "Mallory")).isEqualTo(1);
    assertThat(store.load(NOW, 100)).extracting(Block::kind, Block::subject).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(BlockKind.PRINCIPAL, "mallory"),
        org.assertj.core.groups.Tuple.tuple(BlockKind.ADDRESS, "mallory"));
  }

  @Test
  void writingASubjectAgainKeepsTheLaterEndWithItsReason() throws Exception {
    store.create();
    store.put(block(BlockKind.PRINCIPAL, "mallory", Duration.ofHours(1), "long"));
    store.put(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30), "short"));

    assertThat(store.load(NOW, 100)).singleElement().satisfies(b -> {
      assertThat(b.reason()).isEqualTo("long");
      assertThat(b.until()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    });

    Block later = new Block(BlockKind.PRINCIPAL, "mallory", NOW.plus(Duration.ofHours(3)), "canary-read",
        NOW.plus(Duration.ofHours(1)), "host-b/7");
    store.put(later);
    assertThat(store.load(NOW, 100)).containsExactly(later);
  }

  @Test
  void endedBlocksAreNotLoadedAndAreRemoved() throws Exception {
    store.create();
    store.put(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30), "r"));
    store.put(block(BlockKind.ADDRESS, "203.0.113.66", Duration.ofMinutes(10), "r"));
    Instant later = NOW.plus(Duration.ofMinutes(10));

    assertThat(store.load(later, 100)).extracting(Block::subject).containsExactly("mallory");
    assertThat(store.removeExpired(later)).isEqualTo(1);
    assertThat(query("SELECT COUNT(*) FROM aegis_blocks")).isEqualTo("1");
  }

  @Test
  void twoListsSharingTheTableHonourEachOthersBlocksAfterARefresh() throws Exception {
    ManualTime time = new ManualTime();
    BlockList a = BlockList.start(new JdbcBlockStore(() -> db.connectPlain(schema)), Duration.ofHours(24), time);
    BlockList b = BlockList.start(new JdbcBlockStore(() -> db.connectPlain(schema)), Duration.ofHours(24), time);
    ResponseHooks.drain();
    Instant now = time.now();
    a.add(new Block(BlockKind.PRINCIPAL, "mallory", now.plus(Duration.ofMinutes(30)), "r", now, "a/1"));

    assertThat(a.find("mallory", null)).as("at once where it started").isNotNull();
    ResponseHooks.flush(a);
    assertThat(b.find("mallory", null)).as("not before b reads the table").isNull();
    ResponseHooks.refresh(b);
    assertThat(b.find("mallory", null).principal().createdBy()).isEqualTo("a/1");

    store.remove(BlockKind.PRINCIPAL, "mallory");
    ResponseHooks.refresh(a);
    ResponseHooks.refresh(b);
    assertThat(a.find("mallory", null)).as("lifted").isNull();
    assertThat(b.find("mallory", null)).isNull();
  }

  @Test
  void aBlockStartedWhileTheTableIsUnreachableStaysInForceAndIsWrittenLater() throws Exception {
    ManualTime time = new ManualTime();
    boolean[] down = {true};
    BlockList list = BlockList.start(new JdbcBlockStore(() -> {
      if (down[0]) {
        throw new SQLException("connection refused (test)", "08001");
      }
      return db.connectPlain(schema);
    }), Duration.ofHours(24), time);
    Instant now = time.now();
    list.add(new Block(BlockKind.ADDRESS, "203.0.113.66", now.plus(Duration.ofMinutes(30)), "r", now, "a/1"));

    ResponseHooks.flush(list);
    ResponseHooks.refresh(list);
    assertThat(list.find(null, "203.0.113.66")).as("kept while the table does not answer").isNotNull();

    down[0] = false;
    ResponseHooks.refresh(list);
    assertThat(list.find(null, "203.0.113.66")).as("still pending, so still in force").isNotNull();
    ResponseHooks.flush(list);
    assertThat(store.load(now, 10)).extracting(Block::subject).containsExactly("203.0.113.66");
  }
}

package dev.aegis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aegis.config.EventsConfig;
import dev.aegis.keys.ConnectionSource;
import dev.aegis.testing.LogCapture;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code aegis_events} table sink against the real server: one schema per test. */
class TableSinkIT {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Connection> opened = new ArrayList<>();
  private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private TestDatabase db;
  private String schema;
  private ConnectionSource connections;

  @BeforeEach
  void schema() throws SQLException {
    db = TestDatabase.shared();
    schema = db.createDatabase("events");
    connections = () -> {
      Connection connection = db.connectPlain(schema);
      opened.add(connection);
      return connection;
    };
  }

  private TableSink sink(int retentionDays) {
    TableSink sink = new TableSink(retentionDays, clock, new SinkFailures("table", registry));
    sink.connectWith(connections);
    return sink;
  }

  private SecurityEvent event(String rule, Instant time) {
    return new SecurityEvent(time, rule, "tautology", "high", 0.92, "would-block", "alice", "203.0.113.7",
        "SELECT * FROM users WHERE name = ? OR ? = ?", "execute-query in monitor mode");
  }

  private List<String> rules() throws SQLException {
    List<String> rules = new ArrayList<>();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rule FROM aegis_events ORDER BY id")) {
      while (rs.next()) {
        rules.add(rs.getString(1));
      }
    }
    return rules;
  }

  private void insertOldRow(String rule, Duration age) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO aegis_events (event_time, rule, category, severity, score, action)"
          + " VALUES ('" + LocalDateTime.ofInstant(clock.instant().minus(age), ZoneOffset.UTC) + "', '" + rule
          + "', 'tautology', 'high', 0.9, 'block')");
    }
  }

  @Test
  void theFirstBatchCreatesTheTableAndEveryFieldIsWritten() throws Exception {
    Instant time = Instant.parse("2026-11-23T18:14:45.123Z");
    SecurityEvent bare = new SecurityEvent(time, "login-lockout", "authentication", "medium", 0.5, "lockout",
        null, null, null, null);

    sink(30).deliver(List.of(event("tautology-or", time), bare));

    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_time, rule, category, severity, score, action, principal,"
            + " address, digest, detail FROM aegis_events ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1, LocalDateTime.class)).as("UTC").isEqualTo(LocalDateTime.of(2026, 11, 23, 18, 14,
          45, 123_000_000));
      assertThat(rs.getString(2)).isEqualTo("tautology-or");
      assertThat(rs.getString(3)).isEqualTo("tautology");
      assertThat(rs.getString(4)).isEqualTo("high");
      assertThat(rs.getDouble(5)).isEqualTo(0.92);
      assertThat(rs.getString(6)).isEqualTo("would-block");
      assertThat(rs.getString(7)).isEqualTo("alice");
      assertThat(rs.getString(8)).isEqualTo("203.0.113.7");
      assertThat(rs.getString(9)).isEqualTo("SELECT * FROM users WHERE name = ? OR ? = ?");
      assertThat(rs.getString(10)).isEqualTo("execute-query in monitor mode");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("login-lockout");
      assertThat(rs.getString(7)).isNull();
      assertThat(rs.getString(9)).isNull();
      assertThat(rs.next()).isFalse();
    }
    assertThat(opened).as("one connection for the batch, closed after it").hasSize(1)
        .allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
  }

  @Test
  void theRetentionPassDeletesOnlyRowsOlderThanTheRetention() throws Exception {
    TableSink sink = sink(30);
    sink.deliver(List.of(event("recent", clock.instant())));
    insertOldRow("expired", Duration.ofDays(31));
    insertOldRow("kept", Duration.ofDays(29));

    int deleted;
    try (Connection c = db.connectPlain(schema)) {
      deleted = sink.purge(c);
    }

    assertThat(deleted).isEqualTo(1);
    assertThat(rules()).containsExactly("recent", "kept");
  }

  @Test
  void expiredRowsAreDeletedAtMostOnceAnHour() throws Exception {
    TableSink sink = sink(7);
    sink.deliver(List.of(event("first", clock.instant())));  // the first batch also runs the first pass
    insertOldRow("expired", Duration.ofDays(8));

    clock.advance(Duration.ofMinutes(59));
    sink.deliver(List.of(event("second", clock.instant())));
    sink.idle();
    assertThat(rules()).as("within the hour: not deleted yet").contains("expired");

    clock.advance(Duration.ofMinutes(1));
    sink.deliver(List.of(event("third", clock.instant())));
    assertThat(rules()).containsExactly("first", "second", "third");

    insertOldRow("expired-later", Duration.ofDays(8));
    clock.advance(Duration.ofHours(1));
    sink.idle();
    assertThat(rules()).as("an idle event thread runs the pass too").doesNotContain("expired-later");
  }

  @Test
  void failuresAreCountedAndLoggedOnceAndNeverThrown() throws Exception {
    TableSink sink = new TableSink(30, clock, new SinkFailures("table", registry));
    sink.connectWith(() -> db.connectPlain("aegis_no_such_database"));

    List<String> log;
    try (LogCapture capture = LogCapture.start()) {
      assertThatCode(() -> {
        sink.deliver(List.of(event("lost", clock.instant())));
        sink.deliver(List.of(event("lost-too", clock.instant())));
      }).doesNotThrowAnyException();
      log = capture.drain();
    }

    assertThat(registry.get(SinkFailures.METER).tag("sink", "table").counter().count()).isEqualTo(2);
    assertThat(log.stream().filter(line -> line.contains("writing to the aegis_events table failed")))
        .hasSize(1);
  }

  @Test
  void withoutAConnectionYetTheBatchIsCountedAsFailed() {
    TableSink sink = new TableSink(30, clock, new SinkFailures("table", registry));

    assertThatCode(() -> sink.deliver(List.of(event("early", clock.instant())))).doesNotThrowAnyException();

    assertThat(registry.get(SinkFailures.METER).tag("sink", "table").counter().count()).isEqualTo(1);
  }

  @Test
  void theDispatcherWritesTheRowBeforeListenersHearOfIt() throws Exception {
    BlockingQueue<SecurityEvent> heard = new LinkedBlockingQueue<>();
    EventDispatcher dispatcher = EventDispatcher.create(new EventsConfig(100, true, 30), registry,
        List.of(heard::add));
    dispatcher.connectWith(connections);

    dispatcher.publish(event("through-the-dispatcher", Instant.now()));

    assertThat(heard.poll(10, TimeUnit.SECONDS)).as("delivered within 10 s").isNotNull();
    assertThat(rules()).containsExactly("through-the-dispatcher");
  }

  /** A clock the test moves by hand, so the hourly limit is tested without waiting an hour. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed by the sink");
    }
  }
}

package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.allowlist.AllowlistEntry;
import dev.aegis.allowlist.AllowlistFile;
import dev.aegis.allowlist.AllowlistHooks;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.error.AegisBlockedException;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allowlist's effect in each detection mode, with a file store (the server-backed runs are ITs). */
class AllowlistModesTest {
  private static final Session APP = new Session("app", "10.0.0.7");
  private static final String[] WORKLOAD = {
      "SELECT name, email FROM customers WHERE id = 1",
      "UPDATE customers SET name = 'O\\'Reilly' WHERE id = 3",
      "INSERT INTO orders (customer_id, total) VALUES (7, 19.99), (8, 5.00)",
      "SELECT * FROM orders WHERE customer_id IN (1, 2, 3) -- monthly report",
  };
  private static final String[] SAME_SHAPES = {
      "select name,email from customers where id=99",
      "UPDATE customers SET name = 'Ada' WHERE id = 4",
      "INSERT INTO orders (customer_id, total) VALUES (1, 0.5)",
      "SELECT * FROM orders WHERE customer_id IN (42)",
  };
  private static final String TAUTOLOGY = "SELECT name FROM customers WHERE name = '' OR 1=1 -- '";
  private static final String ALERT = "SELECT table_name FROM information_schema.tables -- probe";

  @TempDir
  Path dir;
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  private StatementPipeline pipeline(String mode) throws Exception {
    AegisConfig config = ConfigReader.parse("""
        detection:
          mode: %s
          allowlist: file:allowlist.txt
          allowlist-refresh: 24h
        """.formatted(mode), "test.yml");
    StatementPipeline pipeline = PipelineHooks.withEvents(config, new SimpleMeterRegistry(), dir, events::add);
    pipeline.open(null, null);
    return pipeline;
  }

  /** Runs the workload, and {@code attacks} among it, in learn mode, then writes what was learnt. */
  private StatementPipeline learnt(String... attacks) throws Exception {
    StatementPipeline learn = pipeline("learn");
    for (String sql : attacks) {
      learn.intercept(APP, SqlEntry.EXECUTE, sql);
    }
    for (String sql : WORKLOAD) {
      learn.intercept(APP, SqlEntry.EXECUTE, sql);
    }
    learn.prepare(APP, SqlEntry.PREPARE_STATEMENT, "SELECT name FROM customers WHERE email = ?");
    AllowlistHooks.flush(learn.allowlist());
    return learn;
  }

  @Test
  void learnRecordsEveryNewShapeWithItsCallerButNoStatementASignatureObjectsTo() throws Exception {
    assertThat(learnt(TAUTOLOGY, ALERT).allowlist().size()).isEqualTo(5);

    List<AllowlistEntry> file = AllowlistFile.read(dir.resolve("allowlist.txt"));
    assertThat(file).extracting(AllowlistEntry::digest).containsExactlyInAnyOrder(
        "SELECT name, email FROM customers WHERE id = ?",
        "UPDATE customers SET name = ? WHERE id = ?",
        "INSERT INTO orders(customer_id, total) VALUES (?, ?)",
        "SELECT * FROM orders WHERE customer_id IN (?)",
        "SELECT name FROM customers WHERE email = ?");
    assertThat(file).allSatisfy(entry -> {
      assertThat(entry.firstCaller()).isEqualTo("app@10.0.0.7");
      assertThat(entry.firstSeen()).isNotNull();
    });
    assertThat(Files.readString(dir.resolve("allowlist.txt"))).doesNotContain("O\\'Reilly", "19.99", "monthly");
    assertThat(events).as("learn reports no unknown shape").noneMatch(e -> e.category().equals("allowlist"));
  }

  @Test
  void enforceLetsLearntShapesThroughWhateverTheirValuesAndBlocksANewOne() throws Exception {
    learnt();
    StatementPipeline enforce = pipeline("enforce");
    for (String sql : SAME_SHAPES) {
      assertThat(enforce.intercept(APP, SqlEntry.EXECUTE, sql)).isEqualTo(sql);
    }
    enforce.prepare(APP, SqlEntry.PREPARE_STATEMENT, "SELECT name FROM customers WHERE email = ?");

    String subtle = "SELECT name FROM customers WHERE id = 1 AND ASCII(SUBSTRING((SELECT password FROM users"
        + " LIMIT 1), 1, 1)) > 64";
    assertThat(enforce.inspect(subtle).verdict().score()).as("the signatures see nothing").isZero();
    assertThatThrownBy(() -> enforce.intercept(APP, SqlEntry.EXECUTE_QUERY, subtle))
        .isInstanceOfSatisfying(AegisBlockedException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("ZA100");
          assertThat(e.rules()).containsExactly("unknown-shape");
          assertThat(e.digest()).startsWith("SELECT name FROM customers WHERE id = ? AND ascii(");
        })
        .hasMessageContaining("its shape is not in the allowlist file " + dir.resolve("allowlist.txt"))
        .hasMessageContaining("detection.mode: learn")
        .hasMessageContaining("aegis learn merge")
        .hasMessageNotContaining("> 64");
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.rule()).isEqualTo("unknown-shape");
      assertThat(event.category()).isEqualTo("allowlist");
      assertThat(event.action()).isEqualTo("block");
      assertThat(event.principal()).isEqualTo("app");
      assertThat(event.address()).isEqualTo("10.0.0.7");
      assertThat(event.digest()).doesNotContain("> 64");
    });
  }

  @Test
  void enforceBlocksWhatTheSignaturesBlockEvenInALearntShape() throws Exception {
    learnt();
    StatementPipeline enforce = pipeline("enforce");

    assertThatThrownBy(() -> enforce.intercept(APP, SqlEntry.EXECUTE, "SELECT name, email FROM customers WHERE id = 1#"))
        .isInstanceOfSatisfying(AegisBlockedException.class,
            e -> assertThat(e.rules()).containsExactly("comment-truncation"));
  }

  @Test
  void theLineInTheBlockMessageMakesTheShapeAllowedOnceAdded() throws Exception {
    learnt();
    StatementPipeline enforce = pipeline("enforce");
    String sql = "DELETE FROM orders WHERE id = 5";
    String message = "";
    try {
      enforce.intercept(APP, SqlEntry.EXECUTE, sql);
    } catch (AegisBlockedException e) {
      message = e.getMessage();
    }
    String line = message.substring(message.indexOf("'aegis learn merge': ") + "'aegis learn merge': ".length());
    Files.writeString(dir.resolve("allowlist.txt"), line + "\n", java.nio.file.StandardOpenOption.APPEND);

    AllowlistHooks.refresh(enforce.allowlist());
    assertThat(enforce.intercept(APP, SqlEntry.EXECUTE, "DELETE FROM orders WHERE id = 6")).isNotNull();
  }

  @Test
  void monitorRunsAnUnknownShapeAndReportsItOncePerShape() throws Exception {
    learnt();
    StatementPipeline monitor = pipeline("monitor");

    for (int i = 0; i < 3; i++) {
      monitor.intercept(APP, SqlEntry.EXECUTE, "DELETE FROM orders WHERE id = " + i);
      monitor.intercept(APP, SqlEntry.EXECUTE, SAME_SHAPES[i]);
    }
    monitor.intercept(APP, SqlEntry.EXECUTE, "DELETE FROM customers");

    assertThat(events).extracting(SecurityEvent::digest)
        .containsExactly("DELETE FROM orders WHERE id = ?", "DELETE FROM customers");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.rule()).isEqualTo("unknown-shape");
      assertThat(event.action()).isEqualTo("alert");
    });
  }

  @Test
  void enforceWithoutAnAllowlistFileFailsTheConnectRatherThanBlockEverything() {
    assertThatThrownBy(() -> pipeline("enforce"))
        .isInstanceOf(AegisConfigurationException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("detection.mode: learn")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA010");
  }

  @Test
  void aMalformedFileFailsTheConnectInEveryModeNamingTheLine() throws Exception {
    Files.writeString(dir.resolve("allowlist.txt"), "# ok\nSELECT 1\n");
    for (String mode : List.of("learn", "monitor", "enforce")) {
      assertThatThrownBy(() -> pipeline(mode)).as(mode)
          .isInstanceOf(AegisConfigurationException.class)
          .hasMessageContaining("allowlist.txt, line 2")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("ZA011");
    }
  }

  @Test
  void withoutAnAllowlistMonitorAndEnforceActOnSignaturesOnly() throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  mode: enforce\n", "test.yml");
    StatementPipeline enforce = PipelineHooks.withEvents(config, new SimpleMeterRegistry(), dir, events::add);
    enforce.open(null, null);

    assertThat(enforce.intercept(APP, SqlEntry.EXECUTE, "DELETE FROM orders WHERE id = 5")).isNotNull();
    assertThatThrownBy(() -> enforce.intercept(APP, SqlEntry.EXECUTE, TAUTOLOGY))
        .isInstanceOf(AegisBlockedException.class);
    assertThat(enforce.allowlist()).isNull();
    assertThat(events).as("signature verdicts only").allMatch(e -> e.category().equals("injection"));
  }

  @Test
  void learnWithoutAnAllowlistWarnsAtStartupThatNothingIsRecorded() throws Exception {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      PipelineHooks.withEvents(ConfigReader.parse("detection:\n  mode: learn\n", "test.yml"),
          new SimpleMeterRegistry(), dir, events::add);
    } finally {
      System.setErr(original);
    }
    assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("WARN", "detection.mode is learn but no detection.allowlist is set", "no statement shape is recorded");
  }
}

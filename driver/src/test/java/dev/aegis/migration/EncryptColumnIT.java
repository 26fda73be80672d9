package dev.aegis.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.crypto.CiphertextFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis encrypt-column} on a plaintext table of 100,000 rows while four application threads insert
 * and update it through Aegis: every value ends encrypted, and every row holds what the application last
 * wrote to it. {@code -Daegis.migration.rows=N} changes the size.
 */
class EncryptColumnIT {
  private static final int ROWS = Integer.getInteger("aegis.migration.rows", 100_000);
  private static final int WRITERS = 4;

  @Test
  void encryptsALiveTableWithoutLosingAWrite(@TempDir Path dir) throws Exception {
    MigrationDatabase db = new MigrationDatabase(dir, "enc_column",
        "  contacts.email: { mode: deterministic, key: search, max-length: 64, migration: encrypting }\n");
    Map<Integer, String> expected = new ConcurrentHashMap<>();
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE contacts (id INT PRIMARY KEY, email VARCHAR(64) NOT NULL, note VARCHAR(20))");
      StringBuilder insert = new StringBuilder();
      for (int id = 1; id <= ROWS; id++) {
        String email = "user" + id + "@example.org";
        expected.put(id, email);
        insert.append(insert.length() == 0 ? "INSERT INTO contacts (id, email) VALUES " : ", ")
            .append('(').append(id).append(", '").append(email).append("')");
        if (id % 2_000 == 0 || id == ROWS) {
          s.execute(insert.toString());
          insert.setLength(0);
        }
      }
    }

    MigrationDatabase.Run refused = db.run(db.with("encrypt-column", "--column", "contacts.email"));
    assertThat(refused.code()).isEqualTo(2);
    Matcher alter = Pattern.compile("(ALTER TABLE .*NOT NULL);").matcher(refused.out());
    assertThat(alter.find()).as(refused.out()).isTrue();
    assertThat(alter.group(1)).contains("MODIFY `email` VARCHAR(").doesNotContain("ascii");
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute(alter.group(1)); // the operator runs the reviewed change; then the application starts
    }

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger writes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < WRITERS; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        Random random = new Random(thread);
        int nextId = ROWS + 1 + thread;
        try (Connection c = db.aegis();
            PreparedStatement update = c.prepareStatement("UPDATE contacts SET email = ? WHERE id = ?");
            PreparedStatement insert = c.prepareStatement("INSERT INTO contacts (id, email) VALUES (?, ?)")) {
          for (int n = 0; running.get() || n < 50; n++) {
            if (n % 5 == 0) {
              String email = "new" + nextId + "@example.org";
              insert.setInt(1, nextId);
              insert.setString(2, email);
              insert.executeUpdate();
              expected.put(nextId, email);
              nextId += WRITERS;
            } else {
              // Each thread owns the ids equal to its number modulo WRITERS: the last write recorded is the
              // last write committed.
              int id = 1 + thread + WRITERS * random.nextInt(ROWS / WRITERS);
              String email = "changed" + n + "." + id + "@example.org";
              update.setString(1, email);
              update.setInt(2, id);
              assertThat(update.executeUpdate()).isEqualTo(1);
              expected.put(id, email);
            }
            writes.incrementAndGet();
          }
        }
        return null;
      }));
    }

    MigrationDatabase.Run run = db.run(db.with("encrypt-column", "--column", "contacts.email", "--batch-size",
        "1000"));
    running.set(false);
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    Matcher rate = Pattern.compile("([\\d,]+) values/s").matcher(run.out());
    assertThat(rate.find()).isTrue();
    System.out.println("encrypt-column: " + ROWS + " rows with " + writes.get() + " concurrent application"
        + " writes; " + run.out().lines().filter(l -> l.contains("done")).findFirst().orElse(""));
    assertThat(writes.get()).isGreaterThan(WRITERS * 50);

    // Rows the application inserted after the job passed them were already ciphertext; a second pass
    // finds nothing left.
    MigrationDatabase.Run again = db.run(db.with("encrypt-column", "--column", "contacts.email"));
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains(" 0 rewritten");

    int tag = CiphertextFormat.domainTag("contacts.email");
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT email FROM contacts")) {
      while (rs.next()) {
        byte[] stored = CiphertextFormat.fromText(rs.getString(1));
        assertThat(stored != null && CiphertextFormat.isCiphertext(stored)
            && CiphertextFormat.tagOf(stored) == tag).as("stored value is ciphertext").isTrue();
      }
    }
    int rows = 0;
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, email FROM contacts")) {
      while (rs.next()) {
        assertThat(rs.getString(2)).as("row %d", rs.getInt(1)).isEqualTo(expected.get(rs.getInt(1)));
        rows++;
      }
    }
    assertThat(rows).isEqualTo(expected.size());
  }
}

package dev.aegis.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.crypto.CiphertextFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis reencrypt} as its own process, killed with SIGKILL at random points five times and run again:
 * it ends with every value under the new key, none skipped, none encrypted twice, its job done.
 */
class ReencryptKillIT {
  private static final int ROWS = 3_000;

  @Test
  void killedFiveTimesAtRandomPointsItResumesAndFinishesExactly(@TempDir Path dir) throws Exception {
    MigrationDatabase db = new MigrationDatabase(dir, "reenc_kill", """
          people.email: { mode: deterministic, key: search }
          people.phone: { mode: randomized, key: plain }
        """);
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(200), phone VARCHAR(300))");
    }
    Map<Integer, String[]> plaintext = new HashMap<>();
    try (Connection c = db.aegis(); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO people (id, email, phone) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= ROWS; id++) {
        String[] row = {"person" + id + "@example.com", id % 10 == 0 ? null : "+44 20 7946 " + id};
        plaintext.put(id, row);
        insert.setInt(1, id);
        insert.setString(2, row[0]);
        insert.setString(3, row[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    int oldSearch = db.keyset("search").getPrimary().getId();
    int newSearch = rotate(db, "search", true);
    int newPlain = rotate(db, "plain", false);
    assertThat(keyIds(db, "email")).containsOnly(oldSearch);

    Random random = new Random();
    long values = ROWS * 2L - ROWS / 10;
    for (int kill = 0; kill < 5; kill++) {
      long before = scanned(db);
      // A random point in the next part of the work, so the five kills spread over the whole run.
      long target = before + 1 + random.nextInt((int) Math.max(1, (values - before) / 3));
      Process process = start(db);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (scanned(db) < target && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(10); // polling the checkpoint, an observable condition with a deadline
        }
        assertThat(process.isAlive()).as("run %d still working when killed", kill).isTrue();
      } finally {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(scanned(db)).as("the checkpoint of run %d", kill).isGreaterThanOrEqualTo(target);
    }

    MigrationDatabase.Run last = db.run(db.with("reencrypt", "--batch-size", "50"));
    assertThat(last.code()).as(last.out() + last.err()).isZero();
    assertThat(last.out()).contains("resuming after");

    assertThat(keyIds(db, "email")).containsOnly(newSearch);
    assertThat(keyIds(db, "phone")).containsOnly(newPlain);
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, email, phone FROM people")) {
      int rows = 0;
      while (rs.next()) {
        String[] expected = plaintext.get(rs.getInt(1));
        assertThat(rs.getString(2)).isEqualTo(expected[0]);
        assertThat(rs.getString(3)).isEqualTo(expected[1]);
        rows++;
      }
      assertThat(rows).isEqualTo(ROWS);
    }
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, state, target, columns_list, scanned, owner FROM aegis_jobs")) {
      List<String> jobs = new ArrayList<>();
      while (rs.next()) {
        jobs.add(rs.getString(2));
        System.out.println("JOB " + rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
            + rs.getString(4) + " " + rs.getLong(5) + " " + rs.getString(6));
      }
      assertThat(jobs).containsExactly("done");
    }
    MigrationDatabase.Run again = db.run(db.with("reencrypt"));
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains(" 0 rewritten");
  }

  /** Adds a new key to the keyset and makes it primary; returns its id. */
  private static int rotate(MigrationDatabase db, String name, boolean deterministic) throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(db.keyset(name));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(deterministic
        ? PredefinedDeterministicAeadParameters.AES256_SIV : PredefinedAeadParameters.AES256_GCM)
        .withRandomId().makePrimary());
    KeysetHandle rotated = builder.build();
    db.write(name, rotated);
    return rotated.getPrimary().getId();
  }

  private static Process start(MigrationDatabase db) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.aegis.cli.AegisCommand"));
    command.addAll(List.of(db.with("reencrypt", "--batch-size", "50", "--max-rows-per-second", "1500")));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static long scanned(MigrationDatabase db) throws Exception {
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA"
          + " = DATABASE() AND TABLE_NAME = 'aegis_jobs'")) {
        exists.next();
        if (exists.getInt(1) == 0) {
          return 0;
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(scanned), 0) FROM aegis_jobs WHERE state = 'running'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static java.util.Set<Integer> keyIds(MigrationDatabase db, String column) throws Exception {
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + column + " FROM people WHERE " + column + " IS NOT NULL")) {
      while (rs.next()) {
        byte[] stored = CiphertextFormat.fromText(rs.getString(1));
        assertThat(CiphertextFormat.isCiphertext(stored)).isTrue();
        ids.add(CiphertextFormat.keyIdOf(stored));
      }
    }
    return ids;
  }
}

package dev.aegis.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.jdbc.ConnectionHooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test for rotation without downtime: add → promote → reencrypt → retire on both
 * keysets while eight threads insert, update, search by deterministic equality and read, each on one
 * connection held for the whole run. No application error, every search finds its row, no plaintext at rest
 * at any moment a monitor looks, every value decrypts at the end, and the old keys are gone.
 */
class FullRotationIT {
  private static final int INITIAL_ROWS = 500;

  private final Map<Integer, String> emails = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(INITIAL_ROWS + 1);
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong rawScans = new AtomicLong();
  private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);

  @Test
  void aFullRotationUnderEightThreadsLosesNothing(@TempDir Path dir) throws Exception {
    MigrationDatabase db = new MigrationDatabase(dir, "full_rotation", """
          people.email: { mode: deterministic, key: search }
          people.phone: { mode: randomized, key: plain }
        """);
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, phone VARCHAR(300))");
    }
    try (Connection c = db.aegis(); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO people (id, email, phone) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= INITIAL_ROWS; id++) {
        insert.setInt(1, id);
        insert.setString(2, email(id));
        insert.setString(3, "+1 555 0" + id);
        insert.addBatch();
        emails.put(id, email(id));
      }
      insert.executeBatch();
    }
    int oldSearch = db.keyset("search").getPrimary().getId();
    int oldPlain = db.keyset("plain").getPrimary().getId();

    ExecutorService pool = Executors.newFixedThreadPool(9);
    List<Future<?>> threads = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Connection c = db.aegis();
      connections.add(c);
      int role = t / 2;
      long seed = t;
      threads.add(pool.submit(() -> work(c, role, new Random(seed))));
    }
    threads.add(pool.submit(() -> monitor(db)));
    EncryptedColumns instance = ConnectionHooks.encryptedColumns(connections.get(0));

    awaitOperations(300);
    for (String keyset : List.of("search", "plain")) {
      assertRun(db.run("keys", "rotate", "--config", db.config.toString(), "--keyset", keyset, "--stage", "add"));
    }
    awaitReload(instance);
    awaitOperations(300);
    for (String keyset : List.of("search", "plain")) {
      assertRun(db.run("keys", "rotate", "--config", db.config.toString(), "--keyset", keyset, "--stage",
          "promote", "--now"));
    }
    awaitReload(instance);
    awaitOperations(300);
    assertRun(db.run(db.with("reencrypt", "--batch-size", "100")));
    for (String keyset : List.of("search", "plain")) {
      retire(db, keyset);
    }
    awaitReload(instance);
    awaitOperations(300);
    running.set(false);
    for (Future<?> thread : threads) {
      thread.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (Connection c : connections) {
      c.close();
    }

    assertThat(errors).as("application errors").isEmpty();
    assertThat(searches.get()).isGreaterThan(100);
    assertThat(rawScans.get()).as("monitor scans of the stored data").isGreaterThan(3);
    KeysetHandle search = db.keyset("search");
    KeysetHandle plain = db.keyset("plain");
    assertThat(search.size()).as("keys left in keyset search").isEqualTo(1);
    assertThat(plain.size()).isEqualTo(1);
    assertThat(search.getPrimary().getId()).isNotEqualTo(oldSearch);
    assertThat(plain.getPrimary().getId()).isNotEqualTo(oldPlain);
    assertThat(keyIds(db, "email")).containsOnly(search.getPrimary().getId());
    assertThat(keyIds(db, "phone")).containsOnly(plain.getPrimary().getId());
    int rows = 0;
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, email, phone FROM people")) {
      while (rs.next()) {
        assertThat(rs.getString(2)).isEqualTo(emails.get(rs.getInt(1)));
        assertThat(rs.getString(3)).startsWith("+1 555 ");
        rows++;
      }
    }
    assertThat(rows).isEqualTo(emails.size());
  }

  /** One thread's part: 0 inserts, 1 updates phones, 2 searches by email, 3 reads by id. */
  private Void work(Connection c, int role, Random random) {
    try {
      while (running.get()) {
        switch (role) {
          case 0 -> {
            int id = nextId.getAndIncrement();
            try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO people (id, email, phone) VALUES (?, ?, ?)")) {
              insert.setInt(1, id);
              insert.setString(2, email(id));
              insert.setString(3, "+1 555 1" + id);
              insert.executeUpdate();
            }
            emails.put(id, email(id));
          }
          case 1 -> {
            int id = 1 + random.nextInt(INITIAL_ROWS);
            try (PreparedStatement update = c.prepareStatement("UPDATE people SET phone = ? WHERE id = ?")) {
              update.setString(1, "+1 555 2" + random.nextInt(1_000_000));
              update.setInt(2, id);
              assertThat(update.executeUpdate()).isEqualTo(1);
            }
          }
          case 2 -> {
            int id = 1 + random.nextInt(INITIAL_ROWS);
            boolean literal = random.nextBoolean();
            String sql = literal ? "SELECT id FROM people WHERE email IN ('" + email(id) + "', 'nobody@example.com')"
                : "SELECT id FROM people WHERE email = ?";
            try (PreparedStatement select = c.prepareStatement(sql)) {
              if (!literal) {
                select.setString(1, email(id));
              }
              try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("search for row %d finds it", id).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(id);
              }
            }
            searches.incrementAndGet();
          }
          default -> {
            int id = 1 + random.nextInt(INITIAL_ROWS);
            try (PreparedStatement select = c.prepareStatement("SELECT email, phone FROM people WHERE id = ?")) {
              select.setInt(1, id);
              try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(email(id));
                assertThat(rs.getString(2)).startsWith("+1 555 ");
              }
            }
          }
        }
        operations.incrementAndGet();
      }
    } catch (Throwable e) {
      errors.add(e);
    }
    return null;
  }

  /** Reads the stored data around Aegis over and over: every value must be this column's ciphertext. */
  private Void monitor(MigrationDatabase db) {
    int emailTag = CiphertextFormat.domainTag("people.email");
    int phoneTag = CiphertextFormat.domainTag("people.phone");
    try (Connection c = db.plain(); Statement s = c.createStatement()) {
      while (running.get()) {
        try (ResultSet rs = s.executeQuery("SELECT email, phone FROM people")) {
          while (rs.next()) {
            assertCiphertext(rs.getString(1), emailTag);
            assertCiphertext(rs.getString(2), phoneTag);
          }
        }
        rawScans.incrementAndGet();
      }
    } catch (Throwable e) {
      errors.add(e);
    }
    return null;
  }

  private static void assertCiphertext(String stored, int tag) {
    if (stored == null) {
      return;
    }
    byte[] bytes = CiphertextFormat.fromText(stored);
    assertThat(bytes != null && CiphertextFormat.isCiphertext(bytes) && CiphertextFormat.tagOf(bytes) == tag)
        .as("a stored value is ciphertext").isTrue();
  }

  /** Retire refuses while a value still needs the old key; a write that raced the pass is picked up again. */
  private static void retire(MigrationDatabase db, String keyset) throws Exception {
    for (int attempt = 0; ; attempt++) {
      List<String> args = new ArrayList<>(List.of("keys", "rotate", "--keyset", keyset, "--stage", "retire"));
      args.addAll(List.of(db.database()));
      MigrationDatabase.Run run = db.run(args.toArray(new String[0]));
      if (run.code() == 0 || attempt == 3) {
        assertRun(run);
        return;
      }
      assertRun(db.run(db.with("reencrypt", "--keyset", keyset)));
    }
  }

  private void awaitOperations(int more) throws InterruptedException {
    long target = operations.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (operations.get() < target && errors.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling an observable count with a deadline
    }
    assertThat(errors).isEmpty();
    assertThat(operations.get()).isGreaterThanOrEqualTo(target);
  }

  /** Waits until the application's instance has loaded the keyset change (keys.refresh is 1 s here). */
  private static void awaitReload(EncryptedColumns instance) throws InterruptedException {
    long seen = instance.generation();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (instance.generation() == seen && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(instance.generation()).as("the instance reloaded its keys").isGreaterThan(seen);
  }

  private static void assertRun(MigrationDatabase.Run run) {
    assertThat(run.code()).as(run.out() + run.err()).isZero();
  }

  private static Set<Integer> keyIds(MigrationDatabase db, String column) throws Exception {
    Set<Integer> ids = new HashSet<>();
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + column + " FROM people WHERE " + column + " IS NOT NULL")) {
      while (rs.next()) {
        ids.add(CiphertextFormat.keyIdOf(CiphertextFormat.fromText(rs.getString(1))));
      }
    }
    return ids;
  }

  private static String email(int id) {
    return "member" + id + "@example.net";
  }
}

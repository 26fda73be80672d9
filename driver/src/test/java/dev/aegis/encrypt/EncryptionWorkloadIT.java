package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.crypto.CiphertextFormat;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A randomized workload of more than 10,000 mixed statements through Aegis on 8 threads, over every write
 * path, checked against an in-memory model: afterwards a raw dump through plain Connector/J holds no
 * plaintext of any encrypted column (value by value), and every value reads back equal through Aegis.
 */
class EncryptionWorkloadIT {
  private static final int THREADS = 8;
  private static final int STATEMENTS_PER_THREAD = 1_300;
  private static final int IDS_PER_THREAD = 200;

  /** What a customer row must hold: the plaintext of every encrypted column, null for NULL. */
  record Row(String email, String phone, String born) {}

  private final Map<Integer, Row> model = new ConcurrentHashMap<>();
  private final AtomicInteger statements = new AtomicInteger();

  @Test
  void noPlaintextAtRestAndEveryValueReadsBack(@TempDir Path dir) throws Exception {
    EncryptedDatabase db = new EncryptedDatabase(dir, "workload");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      running.add(pool.submit(() -> {
        try (Connection c = db.aegis("aegis.yml", "rewriteBatchedStatements=" + (thread % 2 == 0))) {
          work(c, thread, new Random(1_000 + thread));
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    assertThat(statements.get()).isGreaterThanOrEqualTo(10_000);

    int checked = 0;
    try (Connection c = db.plain(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, email, phone, born FROM customers")) {
      while (rs.next()) {
        Row row = model.get(rs.getInt(1));
        assertThat(row).as("row %d exists in the model", rs.getInt(1)).isNotNull();
        checked += assertCiphertext(rs.getString(2), row.email(), "customers.email");
        checked += assertCiphertext(rs.getString(3), row.phone(), "customers.phone");
        checked += assertCiphertext(rs.getString(4), row.born(), "customers.born");
      }
    }
    assertThat(checked).isGreaterThan(1_000);

    int rows = 0;
    try (Connection c = db.aegis(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, email, phone, born FROM customers")) {
      while (rs.next()) {
        Row row = model.get(rs.getInt(1));
        assertThat(new Row(rs.getString(2), rs.getString(3), rs.getString(4))).as("row %d", rs.getInt(1))
            .isEqualTo(row);
        rows++;
      }
    }
    assertThat(rows).isEqualTo(model.size());
  }

  /** A stored value is Aegis ciphertext of its column's domain and does not contain its plaintext. */
  private static int assertCiphertext(String stored, String plaintext, String domain) {
    if (plaintext == null) {
      assertThat(stored).isNull();
      return 0;
    }
    assertThat(stored).isNotNull().doesNotContain(plaintext);
    assertThat(CiphertextFormat.tagOfText(stored)).isEqualTo(CiphertextFormat.domainTag(domain) & 0xffffffffL);
    assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
    return 1;
  }

  private void work(Connection c, int thread, Random random) throws SQLException {
    int base = thread * IDS_PER_THREAD;
    for (int i = 0; i < STATEMENTS_PER_THREAD; i++) {
      int id = base + random.nextInt(IDS_PER_THREAD);
      String email = "user" + id + "." + random.nextInt(1_000) + "@example.com";
      String phone = "+1-555-" + random.nextInt(10_000);
      String born = "19" + (50 + random.nextInt(50)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
      switch (random.nextInt(11)) {
        case 0 -> preparedUpsert(c, id, email, phone, born);
        case 1 -> literalUpsert(c, id, email, phone);
        case 2 -> replace(c, id, email, phone);
        case 3 -> updatePhone(c, id, phone, random.nextBoolean());
        case 4 -> batch(c, base, random);
        case 5 -> streams(c, id, email, phone);
        case 6 -> updatable(c, id, phone);
        case 7 -> nullPhone(c, id);
        case 8 -> literalBatch(c, id, phone);
        default -> searchByEmail(c, id);
      }
      statements.incrementAndGet();
    }
  }

  private void preparedUpsert(Connection c, int id, String email, String phone, String born) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, email, phone, born) VALUES (?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE email = ?, phone = ?, born = ?")) {
      ps.setInt(1, id);
      ps.setString(2, email);
      ps.setObject(3, phone);
      ps.setDate(4, java.sql.Date.valueOf(born));
      ps.setString(5, email);
      ps.setString(6, phone);
      ps.setObject(7, java.time.LocalDate.parse(born));
      ps.executeUpdate();
    }
    model.put(id, new Row(email, phone, born));
  }

  private void literalUpsert(Connection c, int id, String email, String phone) throws SQLException {
    Row old = model.get(id);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customers (id, email, phone) VALUES (" + id + ", '" + email + "', '" + phone
          + "') ON DUPLICATE KEY UPDATE phone = '" + phone + "'");
    }
    model.put(id, old == null ? new Row(email, phone, null) : new Row(old.email(), phone, old.born()));
  }

  private void replace(Connection c, int id, String email, String phone) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("REPLACE INTO customers (id, email, phone) VALUES (?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, email);
      ps.setString(3, phone);
      ps.executeUpdate();
    }
    model.put(id, new Row(email, phone, null));
  }

  private void updatePhone(Connection c, int id, String phone, boolean literal) throws SQLException {
    Row old = model.get(id);
    int updated;
    if (literal) {
      try (Statement s = c.createStatement()) {
        updated = s.executeUpdate("UPDATE customers SET phone = '" + phone + "' WHERE id = " + id);
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET phone = ? WHERE id = ?")) {
        ps.setString(1, phone);
        ps.setInt(2, id);
        updated = ps.executeUpdate();
      }
    }
    if (old != null) {
      assertThat(updated).isEqualTo(1);
      model.put(id, new Row(old.email(), phone, old.born()));
    }
  }

  private void batch(Connection c, int base, Random random) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, email, phone) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE email = VALUES(email), phone = VALUES(phone)")) {
      for (int i = 0; i < 5; i++) {
        int id = base + random.nextInt(IDS_PER_THREAD);
        if (ids.contains(id)) {
          continue;
        }
        ids.add(id);
        ps.setInt(1, id);
        ps.setString(2, "batch" + id + "@example.com");
        ps.setString(3, "batch-phone-" + id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    for (int id : ids) {
      Row old = model.get(id);
      model.put(id, new Row("batch" + id + "@example.com", "batch-phone-" + id, old == null ? null : old.born()));
    }
  }

  private void streams(Connection c, int id, String email, String phone) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("REPLACE INTO customers (id, email, phone) VALUES (?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setCharacterStream(2, new StringReader(email));
      ps.setBinaryStream(3, new ByteArrayInputStream(phone.getBytes(StandardCharsets.UTF_8)));
      ps.executeUpdate();
    }
    // A binary stream on a string column is read as UTF-8 text, as the server would store it.
    model.put(id, new Row(email, phone, null));
  }

  private void updatable(Connection c, int id, String phone) throws SQLException {
    Row old = model.get(id);
    try (PreparedStatement ps = c.prepareStatement("SELECT id, phone FROM customers WHERE id = ?",
        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          assertThat(rs.getString("phone")).isEqualTo(old.phone());
          rs.updateString("phone", phone);
          rs.updateRow();
          model.put(id, new Row(old.email(), phone, old.born()));
        }
      }
    }
  }

  private void nullPhone(Connection c, int id) throws SQLException {
    Row old = model.get(id);
    try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET phone = ? WHERE id = ?")) {
      ps.setNull(1, Types.VARCHAR);
      ps.setInt(2, id);
      ps.executeUpdate();
    }
    if (old != null) {
      model.put(id, new Row(old.email(), null, old.born()));
    }
  }

  private void literalBatch(Connection c, int id, String phone) throws SQLException {
    Row old = model.get(id);
    try (Statement s = c.createStatement()) {
      s.addBatch("UPDATE customers SET phone = '" + phone + "' WHERE id = " + id);
      s.addBatch("UPDATE customers SET born = '2000-01-01' WHERE id = " + id);
      s.executeBatch();
    }
    if (old != null) {
      model.put(id, new Row(old.email(), phone, "2000-01-01"));
    }
  }

  private void searchByEmail(Connection c, int id) throws SQLException {
    Row row = model.get(id);
    if (row == null || row.email() == null) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id, phone FROM customers WHERE email IN (?, ?)")) {
      ps.setString(1, row.email());
      ps.setString(2, "nobody@example.com");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("row %d found by its email", id).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(id);
        assertThat(rs.getString(2)).isEqualTo(row.phone());
      }
    }
  }
}

package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.EncryptionMode;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.crypto.PlainValue;
import dev.aegis.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KeyUsage} against a real server: paged by primary key, streamed without one. */
class KeyUsageIT {
  private TestDatabase db;
  private String schema;
  private KeysetHandle keyset;
  private ColumnCipher oldKey;
  private ColumnCipher newKey;

  @BeforeEach
  void keysetWithTwoKeys() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("key_usage");
    KeysetHandle first = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(first);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId().makePrimary());
    keyset = builder.build();
    oldKey = ColumnCipher.of(first, EncryptionMode.DETERMINISTIC, "customers.email");
    newKey = ColumnCipher.of(keyset, EncryptionMode.DETERMINISTIC, "customers.email");
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private void insert(String sql, Object... values) throws SQLException {
    try (Connection c = db.connectPlain(schema); PreparedStatement insert = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }

  private static String text(ColumnCipher cipher, String plain) throws Exception {
    return CiphertextFormat.toText(cipher.encrypt(PlainValue.encode(plain)));
  }

  private int oldId() {
    return keyset.getAt(0).getId();
  }

  private int newId() {
    return keyset.getAt(1).getId();
  }

  /** 3 under the old key, 2 under the new, 2 plaintext, 1 of another domain, 2 NULL. */
  private void customers() throws Exception {
    sql("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(500))");
    ColumnCipher leads = ColumnCipher.of(keyset, EncryptionMode.DETERMINISTIC, "leads.email");
    Object[] emails = {text(oldKey, "a@x"), null, text(oldKey, "b@x"), "plain@x", text(newKey, "c@x"),
        text(oldKey, "d@x"), null, text(leads, "e@x"), "another plain", text(newKey, "f@x")};
    for (int i = 0; i < emails.length; i++) {
      insert("INSERT INTO customers VALUES (?, ?)", i * 7 - 20, emails[i]);
    }
  }

  @Test
  void countsEveryValueOnceAcrossPagesOfTheKeyWhateverThePageSize() throws Exception {
    customers();
    for (int pageRows : new int[] {1, 2, 4, 8, 10_000}) {
      ColumnKeyUsage usage;
      try (Connection c = db.connectPlain(schema)) {
        usage = new KeyUsage(pageRows).scan(c, ColumnRef.valueOf("customers.email"), "customers.email", "pii",
            keyset);
      }
      assertThat(usage.byKey()).as("page of %d rows", pageRows)
          .containsExactlyInAnyOrderEntriesOf(Map.of(oldId(), 3L, newId(), 2L));
      assertThat(usage.plaintext()).isEqualTo(2);
      assertThat(usage.otherDomain()).isEqualTo(1);
      assertThat(usage.unknownKey()).isZero();
      assertThat(usage.values()).isEqualTo(8);
    }
  }

  @Test
  void aCompositeKeyIsPagedInKeyOrderAndBinaryValuesAreClassifiedAsBytes() throws Exception {
    sql("CREATE TABLE orders (region VARCHAR(8), num INT, card VARBINARY(200), PRIMARY KEY (region, num))");
    ColumnCipher cards = ColumnCipher.of(keyset, EncryptionMode.DETERMINISTIC, "orders.card");
    int n = 0;
    for (String region : new String[] {"eu", "us", "ap"}) {
      for (int num = 3; num >= 1; num--) {
        byte[] card = n++ % 3 == 0 ? "4111".getBytes() : cards.encrypt(PlainValue.encode("card " + n));
        insert("INSERT INTO orders VALUES (?, ?, ?)", region, num, card);
      }
    }
    ColumnKeyUsage usage;
    try (Connection c = db.connectPlain(schema)) {
      usage = new KeyUsage(2).scan(c, ColumnRef.valueOf("orders.card"), "orders.card", "pii", keyset);
    }
    assertThat(usage.byKey()).containsExactly(Map.entry(newId(), 6L));
    assertThat(usage.plaintext()).isEqualTo(3);
  }

  @Test
  void aTableWithoutPrimaryKeyIsStreamedAndASchemaQualifiedColumnIsReadInItsSchema() throws Exception {
    sql("CREATE TABLE notes (note TEXT)");
    ColumnCipher notes = ColumnCipher.of(keyset, EncryptionMode.DETERMINISTIC, "notes.note");
    for (int i = 0; i < 5; i++) {
      insert("INSERT INTO notes VALUES (?)", i == 2 ? "plain" : text(notes, "note " + i));
    }
    ColumnKeyUsage usage;
    // Connected to another schema: the qualified name must be what finds the table.
    try (Connection c = db.connectPlain("")) {
      usage = new KeyUsage().scan(c, ColumnRef.valueOf(schema + ".notes.note"), "notes.note", "pii", keyset);
    }
    assertThat(usage.byKey()).containsExactly(Map.entry(newId(), 4L));
    assertThat(usage.plaintext()).isEqualTo(1);
  }

  @Test
  void scansOnlyTheColumnsOfTheNamedKeyset() throws Exception {
    customers();
    sql("CREATE TABLE payments (id INT PRIMARY KEY, card VARCHAR(300))");
    insert("INSERT INTO payments VALUES (1, 'not scanned')");
    Map<ColumnRef, ColumnConfig> columns = Map.of(
        ColumnRef.valueOf("customers.email"), new ColumnConfig(EncryptionMode.DETERMINISTIC, "pii"),
        ColumnRef.valueOf("payments.card"), new ColumnConfig(EncryptionMode.RANDOMIZED, "pci"));
    List<ColumnKeyUsage> usages;
    try (Connection c = db.connectPlain(schema)) {
      usages = new KeyUsage().scanKeyset(c, columns, "pii", keyset);
    }
    assertThat(usages).singleElement().satisfies(usage -> {
      assertThat(usage.column()).isEqualTo(ColumnRef.valueOf("customers.email"));
      assertThat(usage.keyset()).isEqualTo("pii");
      assertThat(usage.under(List.of(oldId()))).isEqualTo(3);
    });
  }

  @Test
  void aMissingTableIsAnErrorNamingTheColumnAndTheKeyset() throws Exception {
    try (Connection c = db.connectPlain(schema)) {
      assertThatThrownBy(() -> new KeyUsage().scan(c, ColumnRef.valueOf("absent.email"), "absent.email", "pii",
          keyset)).isInstanceOf(SQLException.class)
          .hasMessageContaining("encrypted column absent.email", "keyset 'pii'")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    }
  }

  @Test
  void aConnectionKilledBeforeTheScanFailsNamingTheColumn() throws Exception {
    customers();
    try (Connection c = db.connectPlain(schema); Connection admin = db.connectPlain(schema)) {
      long id;
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CONNECTION_ID()")) {
        r.next();
        id = r.getLong(1);
      }
      try (Statement kill = admin.createStatement()) {
        kill.execute("KILL " + id);
      }
      assertThatThrownBy(() -> new KeyUsage().scan(c, ColumnRef.valueOf("customers.email"), "customers.email",
          "pii", keyset)).isInstanceOf(SQLException.class).hasMessageContaining("customers.email");
    }
  }

  @Test
  void aPageSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> new KeyUsage(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.aegis.encrypt;

import static dev.aegis.encrypt.Encryptions.assertRefused;
import static dev.aegis.encrypt.Encryptions.prepare;
import static dev.aegis.encrypt.Encryptions.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aegis.config.EncryptionMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the planner does with each statement shape, through the public API: which JDBC parameter is
 * encrypted for which column ({@link ColumnEncryption#prepare}), or that the statement is refused (ZA300)
 * with a message naming the column and the operation.
 */
class EncryptionPlannerTest {
  static final String CONFIG = """
      columns:
        customers.email: { mode: deterministic, key: search }
        customers.phone: { mode: randomized,    key: pii }
        customers.score: { mode: deterministic, key: search, type: integer }
        payments.card:   { mode: randomized,    key: pci }
        leads.contact:   { mode: deterministic, key: search, domain: customers.email }
        # Name collisions across joined tables: another domain, and the same domain.
        payments.email:  { mode: deterministic, key: search }
        leads.email:     { mode: deterministic, key: search, domain: customers.email }
      """;

  private static EncryptedColumns columns;
  private static ColumnEncryption encryption;

  @BeforeAll
  static void keys() throws Exception {
    columns = Encryptions.columns(CONFIG);
    encryption = Encryptions.encryption(columns);
  }

  /** {@code "1=customers.email 3=customers.phone"}: JDBC parameter index to column name; "-" for none. */
  private static Map<Integer, String> expected(String spec) {
    Map<Integer, String> targets = new HashMap<>();
    if (!spec.equals("-")) {
      for (String pair : spec.trim().split("\\s+")) {
        String[] parts = pair.split("=");
        targets.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    return targets;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // INSERT with a column list, one row and several (the digest folds the rows into one shape)
      "INSERT INTO customers (id, email, phone) VALUES (?, ?, ?) | 2=customers.email 3=customers.phone",
      "INSERT INTO customers (id, email, phone) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)"
          + " | 2=customers.email 3=customers.phone 5=customers.email 6=customers.phone"
          + " 8=customers.email 9=customers.phone",
      "INSERT INTO customers (id, score) VALUES (?, ?) | 2=customers.score",
      // INSERT … ON DUPLICATE KEY UPDATE, REPLACE, INSERT … SET
      "INSERT INTO customers (id, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE phone = ?"
          + " | 2=customers.email 3=customers.phone",
      "INSERT INTO customers (email) VALUES (?) ON DUPLICATE KEY UPDATE email = ?"
          + " | 1=customers.email 2=customers.email",
      "INSERT INTO customers (id, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE email = VALUES(email)"
          + " | 2=customers.email",
      "REPLACE INTO customers (email, id) VALUES (?, ?) | 1=customers.email",
      "REPLACE INTO payments (id, card) VALUES (?, ?), (?, ?) | 2=payments.card 4=payments.card",
      "INSERT INTO customers SET email = ?, id = ?, phone = ? | 1=customers.email 3=customers.phone",
      // UPDATE SET + WHERE, DELETE WHERE
      "UPDATE customers SET phone = ?, name = ? WHERE email = ? | 1=customers.phone 3=customers.email",
      "UPDATE customers SET score = ? WHERE id = ? | 1=customers.score",
      "UPDATE payments SET card = ? WHERE id = ? | 1=payments.card",
      "DELETE FROM customers WHERE email = ? AND id = ? | 1=customers.email",
      // equality forms on deterministic columns
      "SELECT id FROM customers WHERE email IN (?, ?, ?) | 1=customers.email 2=customers.email 3=customers.email",
      "SELECT id FROM customers WHERE email NOT IN (?, ?) | 1=customers.email 2=customers.email",
      "SELECT id FROM customers WHERE email <=> ? | 1=customers.email",
      "SELECT id FROM customers WHERE email <> ? | 1=customers.email",
      "SELECT id FROM customers WHERE ? = email | 1=customers.email",
      "SELECT id FROM customers WHERE score = ? AND email = ? LIMIT ? | 1=customers.score 2=customers.email",
      "SELECT id FROM customers WHERE email = ? OR phone IS NULL | 1=customers.email",
      "SELECT CASE WHEN email = ? THEN ? END FROM customers | 1=customers.email",
      "SELECT id FROM customers WHERE email = ? UNION SELECT id FROM leads WHERE contact = ?"
          + " | 1=customers.email 2=leads.contact",
      // names: case, quoting, a schema the configuration does not name
      "SELECT id FROM `Customers` WHERE `EMAIL` = ? | 1=customers.email",
      "SELECT id FROM shop.customers WHERE email = ? | 1=customers.email",
      // joins: qualified columns, and unqualified ones with a single encrypted candidate
      "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE email = ? | 1=customers.email",
      "SELECT c.id FROM customers c JOIN payments p ON p.id = c.id WHERE score = ? | 1=customers.score",
      "SELECT c.id FROM customers c JOIN payments p ON p.id = c.id WHERE c.email = ? | 1=customers.email",
      "SELECT c.id FROM customers c JOIN payments p ON p.id = c.id WHERE p.email = ? | 1=payments.email",
      "SELECT c.id FROM customers c, leads l WHERE contact = ? | 1=leads.contact",
      "UPDATE customers c JOIN payments p ON p.id = c.id SET p.card = ? WHERE c.email = ?"
          + " | 1=payments.card 2=customers.email",
      "SELECT id FROM (SELECT id, email AS e FROM customers) d WHERE e = ? | 1=customers.email",
      // column uses ciphertext serves: deterministic grouping, counting, same-domain joins and copies
      "SELECT email, COUNT(*) FROM customers WHERE id > ? GROUP BY email | -",
      "SELECT DISTINCT email FROM customers WHERE id = ? | -",
      "SELECT COUNT(email), COUNT(DISTINCT email), COUNT(phone) FROM customers WHERE id < ? | -",
      "SELECT c.id FROM customers c JOIN leads l ON l.contact = c.email WHERE c.id = ? | -",
      "SELECT id FROM customers WHERE email IN (SELECT contact FROM leads WHERE id = ?) | -",
      "INSERT INTO leads (id, contact) SELECT id + ?, email FROM customers | -",
      "UPDATE customers SET email = email WHERE id = ? | -",
      "SELECT id, email, phone FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT ? | -",
      "SELECT phone FROM customers WHERE id = ? UNION ALL SELECT contact FROM leads | -",
      // tables without encrypted columns
      "SELECT id, name FROM products WHERE price > ? AND name LIKE ? ORDER BY name | -",
      "INSERT INTO products VALUES (?, ?) | -",
      "UPDATE products SET name = LOWER(?) WHERE id = ? | -",
  })
  void parametersAreEncryptedForTheirColumns(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    String sql = parts[0];
    Map<Integer, String> expected = expected(parts[1]);
    int parameters = (int) sql.chars().filter(c -> c == '?').count();

    PreparedSql prepared = prepare(encryption, sql);

    assertThat(prepared.sql()).as("no literal to encrypt, so the SQL is unchanged").isEqualTo(sql);
    for (int i = 1; i <= parameters; i++) {
      ProtectedColumn column = prepared.parameter(i);
      assertThat(column == null ? null : column.name()).as("parameter %d of %s", i, sql)
          .isEqualTo(expected.get(i));
    }
    if (expected.isEmpty()) {
      assertThat(prepared.parameters()).as("no parameter is encrypted").isNull();
    }
    assertThat(rewrite(encryption, sql)).as("executed as text: same plan, nothing to rewrite").isSameAs(sql);
  }

  @Test
  void anUnqualifiedColumnOfTwoTablesInOneDomainIsEncryptedForThatDomain() throws Exception {
    PreparedSql prepared = prepare(encryption,
        "SELECT c.id FROM customers c JOIN leads l ON l.id = c.id WHERE email = ?");
    assertThat(prepared.parameter(1)).isNotNull();
    assertThat(prepared.parameter(1).domain()).isEqualTo("customers.email");
    assertThat(prepared.parameter(1).mode()).isEqualTo(EncryptionMode.DETERMINISTIC);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // equality on randomized columns
      "SELECT id FROM customers WHERE phone = ? | customers.phone | randomized | equality search",
      "SELECT id FROM customers WHERE phone <=> ? | customers.phone | equality search",
      "SELECT id FROM customers WHERE phone IN (?, ?) | customers.phone | IN",
      "DELETE FROM payments WHERE card = ? | payments.card | equality search",
      "SELECT c.id FROM customers c JOIN payments p ON p.id = c.id WHERE phone = ? | customers.phone | equality",
      // order and characters
      "SELECT id FROM customers WHERE email LIKE ? | customers.email | LIKE",
      "SELECT id FROM customers WHERE email NOT LIKE ? | customers.email | LIKE",
      "SELECT id FROM customers WHERE email REGEXP ? | customers.email | REGEXP",
      "SELECT id FROM customers WHERE email > ? | customers.email | range",
      "SELECT id FROM customers WHERE score >= ? | customers.score | range",
      "SELECT id FROM customers WHERE email BETWEEN ? AND ? | customers.email | BETWEEN",
      // a function over the column, or around the value
      "SELECT id FROM customers WHERE LOWER(email) = ? | customers.email | function",
      "SELECT id FROM customers WHERE email = LOWER(?) | customers.email | function",
      "SELECT id FROM customers WHERE email = ? COLLATE utf8mb4_bin | customers.email | expression",
      "UPDATE customers SET phone = CONCAT(?, '1') WHERE id = ? | customers.phone | expression",
      "UPDATE customers SET score = score + ? WHERE id = ? | customers.score",
      "INSERT INTO customers (id, email) VALUES (?, LOWER(?)) | customers.email | expression",
      // no column list, LOAD DATA, unanalysable writes and statements with values
      "INSERT INTO customers VALUES (?, ?, ?) | customers | without a column list",
      "REPLACE INTO payments VALUES (?, ?) | payments | without a column list",
      "LOAD DATA INFILE '/tmp/customers.csv' INTO TABLE customers | customers | LOAD DATA",
      "INSERT INTO customers (id, email) VALUES (?, ?) RETURNING id | customers | cannot analyse | a write",
      "SELECT DISTINCTROW email FROM customers WHERE id = ? | customers | cannot analyse | with values",
      // two encrypted candidates of different domains
      "SELECT c.id FROM customers c JOIN payments p ON p.id = c.id WHERE email = ?"
          + " | customers.email | payments.email | Qualify it",
      // column uses without a value
      "SELECT id FROM customers ORDER BY email | customers.email | ORDER BY",
      "SELECT email AS e FROM customers ORDER BY e | customers.email | ORDER BY",
      "SELECT id FROM customers ORDER BY phone DESC | customers.phone | ORDER BY",
      "SELECT * FROM customers ORDER BY 2 | customers | every column",
      "SELECT phone, COUNT(*) FROM customers GROUP BY phone | customers.phone | GROUP BY",
      "SELECT DISTINCT phone FROM customers | customers.phone | DISTINCT",
      "SELECT COUNT(DISTINCT phone) FROM customers | customers.phone | COUNT(DISTINCT) | randomized",
      "SELECT phone FROM customers UNION SELECT contact FROM leads | customers.phone | UNION",
      "SELECT MIN(email) FROM customers | customers.email | function MIN",
      "SELECT MAX(score) FROM customers | customers.score | function MAX",
      "SELECT UPPER(phone) AS p FROM customers | customers.phone | function UPPER",
      "SELECT id FROM customers WHERE email | customers.email | IS TRUE",
      // comparisons between columns
      "SELECT id FROM customers WHERE email = score | customers.email | customers.score | different domains",
      "SELECT id FROM customers WHERE email IN (SELECT phone FROM customers) | customers.phone | different domains",
      "SELECT c.id FROM customers c JOIN payments p ON p.card = c.email | payments.card | randomized",
      "SELECT id FROM customers WHERE phone = phone | customers.phone | randomized",
      "SELECT id FROM customers WHERE email = name | customers.email | non-encrypted column name",
      "SELECT id FROM customers WHERE name = email | customers.email | non-encrypted column name",
      "SELECT c.id FROM customers c JOIN leads l ON l.source = c.email | customers.email | non-encrypted column source",
      "SELECT c.id FROM customers c JOIN leads l ON c.email = l.source | customers.email | non-encrypted column source",
      // copies into and out of encrypted columns
      "INSERT INTO leads (id, contact) SELECT id, name FROM customers | leads.contact | non-encrypted column name",
      "INSERT INTO leads (id, source) SELECT id, email FROM customers | customers.email | non-encrypted column source",
      "INSERT INTO leads (id, contact) SELECT id, phone FROM customers"
          + " | leads.contact | customers.phone | another domain",
      "UPDATE customers SET email = name WHERE id = ? | customers.email | non-encrypted column name",
      "UPDATE customers SET phone = email WHERE id = ? | customers.phone | customers.email | another domain",
      "INSERT INTO customers (id, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE phone = VALUES(email)"
          + " | customers.phone | customers.email | another domain",
      "INSERT INTO leads SELECT id, email, name FROM customers | leads | every column",
  })
  void usesCiphertextCannotServeAreRefusedNamingColumnAndOperation(String spec) {
    String[] parts = spec.split(" \\| ");
    String sql = parts[0];
    String[] named = Arrays.copyOfRange(parts, 1, parts.length);

    ColumnEncryption fresh = Encryptions.encryption(columns);
    assertRefused(() -> prepare(fresh, sql), named);
    // From the plan cache now, and as a text statement
    assertRefused(() -> rewrite(fresh, sql), named);
    assertRefused(() -> prepare(fresh, sql), named);
  }

  @Test
  void anEncryptedColumnFromAnotherDomainIsNotCalledNonEncrypted() {
    for (String sql : new String[] {
        "UPDATE customers SET phone = email WHERE id = 1",
        "INSERT INTO leads (id, contact) SELECT id, phone FROM customers"}) {
      Throwable refusal = catchThrowable(() -> rewrite(encryption, sql));
      assertThat(refusal).as(sql).hasMessageNotContaining("non-encrypted");
    }
  }

  @Test
  void aComparisonNamesItsPlaintextSideWhicheverSideItIsWrittenOn() {
    Throwable left = catchThrowable(() -> rewrite(encryption, "SELECT id FROM customers WHERE name = email"));
    Throwable right = catchThrowable(() -> rewrite(encryption, "SELECT id FROM customers WHERE email = name"));
    assertThat(left).hasMessageContaining("with non-encrypted column name on encrypted column customers.email");
    assertThat(right).hasMessageContaining("with non-encrypted column name on encrypted column customers.email");
    assertThat(left).hasMessageNotContaining("non-encrypted column email");
  }

  @Test
  void aRefusalIsAFreshExceptionEachTime() {
    String sql = "SELECT id FROM customers WHERE phone = ?";
    Throwable first = catchThrowable(() -> prepare(encryption, sql));
    Throwable second = catchThrowable(() -> prepare(encryption, sql));
    assertThat(first).isNotNull().isNotSameAs(second);
    assertThat(second).hasMessage(first.getMessage());
  }

  @Test
  void theRefusalMessageNamesNoValue() {
    Throwable refusal = catchThrowable(() -> rewrite(encryption,
        "SELECT id FROM customers WHERE email LIKE 'ada.lovelace%' AND phone = '555-0100'"));
    assertThat(refusal).hasMessageContaining("customers.");
    assertThat(refusal.getMessage()).doesNotContain("ada.lovelace", "555-0100");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "LOAD DATA INFILE '/tmp/products.csv' INTO TABLE products",
      "INSERT INTO products (id, name) VALUES (?, ?) RETURNING id",
      "SELECT DISTINCTROW name FROM products WHERE id = ?",
      // names a protected table but holds neither values nor writes: results are still decrypted
      "SELECT DISTINCTROW email FROM customers",
  })
  void unanalysableStatementsThatCannotCarryProtectedPlaintextPass(String sql) throws Exception {
    assertThat(Encryptions.ANALYZER.analyze(Encryptions.lex(sql).parseText()).analysable())
        .as("the analyser cannot read it").isFalse();

    PreparedSql prepared = prepare(encryption, sql);

    assertThat(prepared.sql()).isSameAs(sql);
    assertThat(prepared.parameters()).isNull();
    assertThat(rewrite(encryption, sql)).isSameAs(sql);
  }

  @Test
  void oneShapeIsPlannedOnceForAllItsLiteralsAndRowCounts() throws Exception {
    ColumnEncryption fresh = Encryptions.encryption(columns);
    PreparedSql one = prepare(fresh, "INSERT INTO customers (id, email) VALUES (?, ?)");
    PreparedSql three = prepare(fresh, "INSERT INTO customers (id, email) VALUES (?, ?), (?, ?), (?, ?)");
    assertThat(one.parameter(2).name()).isEqualTo("customers.email");
    assertThat(three.parameter(1)).isNull();
    assertThat(three.parameter(6).name()).isEqualTo("customers.email");
    assertThat(three.parameter(7)).isNull();
  }
}

package dev.aegis.encrypt;

import static dev.aegis.encrypt.Encryptions.column;
import static dev.aegis.encrypt.Encryptions.prepare;
import static dev.aegis.encrypt.Encryptions.rewrite;
import static dev.aegis.encrypt.Encryptions.storedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Literals of encrypted columns in statements executed as text: replaced by the literal of their ciphertext
 * and nothing else touched, so the server runs the application's statement on ciphertext.
 */
class LiteralEncryptionTest {
  static final String CONFIG = """
      columns:
        customers.email:  { mode: deterministic, key: search }
        customers.phone:  { mode: randomized,    key: pii }
        customers.score:  { mode: deterministic, key: search, type: integer }
        customers.amount: { mode: deterministic, key: search, type: decimal }
        customers.photo:  { mode: deterministic, key: search, type: bytes }
        payments.card:    { mode: randomized,    key: pii }
      """;

  private static EncryptedColumns columns;
  private static ColumnEncryption encryption;

  @BeforeAll
  static void keys() throws Exception {
    columns = Encryptions.columns(CONFIG, "payments.card", "customers.photo");
    encryption = Encryptions.encryption(columns);
  }

  /** One literal of the rewritten text: where it was in the original, and what replaced it. */
  private record Replaced(String original, String rewritten) {}

  /**
   * Asserts that {@code rewritten} is {@code sql} with only some literals replaced, byte for byte
   * everywhere else, and returns the replacements in text order.
   */
  private static List<Replaced> replacements(String sql, String rewritten) {
    LexedStatement before = Encryptions.lex(sql);
    LexedStatement after = Encryptions.lex(rewritten);
    assertThat(after.valueCount()).as("values in %s", rewritten).isEqualTo(before.valueCount());
    List<Replaced> replaced = new ArrayList<>();
    int beforeAt = 0;
    int afterAt = 0;
    for (int v = 0; v < before.valueCount(); v++) {
      assertThat(rewritten.substring(afterAt, after.valueStart(v)))
          .as("text before value %d", v).isEqualTo(sql.substring(beforeAt, before.valueStart(v)));
      String original = before.valueText(v);
      String now = after.valueText(v);
      if (!original.equals(now)) {
        replaced.add(new Replaced(original, now));
      }
      beforeAt = before.valueEnd(v);
      afterAt = after.valueEnd(v);
    }
    assertThat(rewritten.substring(afterAt)).as("text after the last value").isEqualTo(sql.substring(beforeAt));
    return replaced;
  }

  /** The single replaced literal of {@code sql}, decrypted as {@code columnName}. */
  private static Object onlyLiteralDecrypted(String sql, String columnName) throws Exception {
    String rewritten = rewrite(encryption, sql);
    List<Replaced> replaced = replacements(sql, rewritten);
    assertThat(replaced).as("replaced literals of %s", sql).hasSize(1);
    ProtectedColumn column = column(columns, columnName);
    return column.open(storedBytes(column, replaced.get(0).rewritten()));
  }

  @Test
  void onlyTheEncryptedLiteralsChangeAndEachDecryptsToItsValue() throws Exception {
    String sql = "INSERT INTO customers (id, name, email, phone, score, amount)"
        + " VALUES (1, 'Ada', 'ada@example.com', '555-0100', 42, 19.90)"
        + "  /* a comment */, (2, 'Bob',\n'bob@example.com', NULL, -7, 0.5)";
    String rewritten = rewrite(encryption, sql);

    List<Replaced> replaced = replacements(sql, rewritten);

    assertThat(replaced).extracting(Replaced::original).containsExactly(
        "'ada@example.com'", "'555-0100'", "42", "19.90", "'bob@example.com'", "-7", "0.5");
    assertThat(rewritten).contains("(1, 'Ada', ", "(2, 'Bob',\n", "  /* a comment */, ", ", NULL, ");
    String[] names = {"customers.email", "customers.phone", "customers.score", "customers.amount",
        "customers.email", "customers.score", "customers.amount"};
    Object[] values = {"ada@example.com", "555-0100", 42L, new BigDecimal("19.9"), "bob@example.com", -7L,
        new BigDecimal("0.5")};
    for (int i = 0; i < names.length; i++) {
      ProtectedColumn column = column(columns, names[i]);
      assertThat(column.open(storedBytes(column, replaced.get(i).rewritten()))).as(names[i]).isEqualTo(values[i]);
    }
  }

  @Test
  void aBinaryColumnGetsAHexLiteralAndACharacterColumnBase64() throws Exception {
    String sql = "UPDATE payments SET card = '4111 1111 1111 1111', note = 'paid' WHERE id = 3";
    String rewritten = rewrite(encryption, sql);

    List<Replaced> replaced = replacements(sql, rewritten);

    assertThat(replaced).hasSize(1);
    assertThat(replaced.get(0).rewritten()).matches("X'[0-9a-f]+'");
    assertThat(rewritten).endsWith(", note = 'paid' WHERE id = 3").startsWith("UPDATE payments SET card = X'");
    ProtectedColumn card = column(columns, "payments.card");
    assertThat(card.open(storedBytes(card, replaced.get(0).rewritten()))).isEqualTo("4111 1111 1111 1111");
    assertThat(rewritten).doesNotContain("4111");

    String text = rewrite(encryption, "UPDATE customers SET phone = '555' WHERE id = 3");
    assertThat(text).matches("UPDATE customers SET phone = '[A-Za-z0-9+/]+={0,2}' WHERE id = 3");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE email = 'O\\'Reilly' | O'Reilly",
      "SELECT id FROM customers WHERE email = 'it''s' | it's",
      "SELECT id FROM customers WHERE email = \"double \"\"quoted\"\"\" | double \"quoted\"",
      "SELECT id FROM customers WHERE email = 'back\\\\slash\\n' | back\\slash\n",
      "SELECT id FROM customers WHERE email = _utf8mb4'x@example.com' | x@example.com",
      "SELECT id FROM customers WHERE email = N'ñandú' | ñandú",
      "SELECT id FROM customers WHERE email = '' | ",
      "SELECT id FROM customers WHERE email = X'41' | A",
      "SELECT id FROM customers WHERE email = x'4142' | AB",
      "SELECT id FROM customers WHERE email = 0x41 | A",
      "SELECT id FROM customers WHERE email = b'1000001' | A",
      "SELECT id FROM customers WHERE email = 0b1000001 | A",
      "SELECT id FROM customers WHERE email = 42 | 42",
      "SELECT id FROM customers WHERE email = 1.50 | 1.50",
  })
  void stringLiteralsInEveryFormDecryptToWhatTheServerWouldHaveRead(String spec) throws Exception {
    String[] parts = spec.split(" \\| ", -1);
    assertThat(onlyLiteralDecrypted(parts[0], "customers.email")).isEqualTo(parts[1]);
  }

  @Test
  void anIntroducerIsReplacedWithItsString() throws Exception {
    String sql = "SELECT id FROM customers WHERE email = _utf8mb4'x' AND id = 1";
    String rewritten = rewrite(encryption, sql);
    assertThat(rewritten).doesNotContain("_utf8mb4").matches(
        "SELECT id FROM customers WHERE email = '[A-Za-z0-9+/]+={0,2}' AND id = 1");
    assertThat(rewrite(encryption, "SELECT id FROM customers WHERE email = N'x'")).doesNotContain("N'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE score = 5 | 5",
      "SELECT id FROM customers WHERE score = -5 | -5",
      "SELECT id FROM customers WHERE score = - 5 | -5",
      "SELECT id FROM customers WHERE score = +7 | 7",
      "SELECT id FROM customers WHERE score = - /* sign apart */ 5 | -5",
      "SELECT id FROM customers WHERE score = - -- sign apart\n 5 | -5",
      "SELECT id FROM customers WHERE score = -#\n5 | -5",
      "SELECT id FROM customers WHERE score = 1e3 | 1000",
      "SELECT id FROM customers WHERE score = '42' | 42",
      "SELECT id FROM customers WHERE score = 9223372036854775807 | 9223372036854775807",
      "INSERT INTO customers (id, score) VALUES (1, -9223372036854775808) | -9223372036854775808",
  })
  void integerLiteralsWithTheirSigns(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    assertThat(onlyLiteralDecrypted(parts[0], "customers.score")).isEqualTo(Long.parseLong(parts[1]));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE amount = 1.50 | 1.5",
      "SELECT id FROM customers WHERE amount = -0.25 | -0.25",
      "SELECT id FROM customers WHERE amount = - 12.5 | -12.5",
      "SELECT id FROM customers WHERE amount = .5 | 0.5",
      "SELECT id FROM customers WHERE amount = 100 | 100",
      "SELECT id FROM customers WHERE amount = 2.5e2 | 250",
      "SELECT id FROM customers WHERE amount = '3.000' | 3",
  })
  void decimalLiteralsAreCanonical(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    Object value = onlyLiteralDecrypted(parts[0], "customers.amount");
    assertThat(value).isInstanceOf(BigDecimal.class);
    assertThat(((BigDecimal) value).toPlainString()).isEqualTo(parts[1]);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "UPDATE customers SET photo = X'00ff' WHERE id = 1 | 00ff",
      "UPDATE customers SET photo = 0x0102 WHERE id = 1 | 0102",
      "UPDATE customers SET photo = 0x102 WHERE id = 1 | 0102",
      "UPDATE customers SET photo = X'' WHERE id = 1 | ",
      "UPDATE customers SET photo = b'1' WHERE id = 1 | 01",
      "UPDATE customers SET photo = b'100000000' WHERE id = 1 | 0100",
      "UPDATE customers SET photo = b'0' WHERE id = 1 | 00",
      "UPDATE customers SET photo = b'' WHERE id = 1 | ",
      "UPDATE customers SET photo = 'AB' WHERE id = 1 | 4142",
  })
  void hexAndBitLiteralsAreTheBytesMySqlMakesOfThem(String spec) throws Exception {
    String[] parts = spec.split(" \\| ", -1);
    Object value = onlyLiteralDecrypted(parts[0], "customers.photo");
    assertThat(value).isInstanceOf(byte[].class);
    assertThat(java.util.HexFormat.of().formatHex((byte[]) value)).isEqualTo(parts[1]);
  }

  @Test
  void aDeterministicLiteralIsTheCiphertextABoundValueGets() throws Exception {
    ProtectedColumn email = column(columns, "customers.email");
    ProtectedColumn score = column(columns, "customers.score");
    ProtectedColumn amount = column(columns, "customers.amount");

    assertThat(rewrite(encryption, "SELECT id FROM customers WHERE email = 'ada@example.com'"))
        .isEqualTo("SELECT id FROM customers WHERE email = '" + email.seal("ada@example.com") + "'");
    // setInt(42), setLong(42) and setString("42") on an integer column, and the literals 42 and '42'
    String byInt = "'" + score.seal(42) + "'";
    assertThat(score.seal(42L)).isEqualTo(score.seal("42"));
    assertThat(rewrite(encryption, "SELECT id FROM customers WHERE score = 42")).endsWith("= " + byInt);
    assertThat(rewrite(encryption, "SELECT id FROM customers WHERE score = '42'")).endsWith("= " + byInt);
    // setBigDecimal(1.5) and the literal 1.50
    assertThat(rewrite(encryption, "SELECT id FROM customers WHERE amount = 1.50"))
        .endsWith("= '" + amount.seal(new BigDecimal("1.5")) + "'");
  }

  @Test
  void aRandomizedLiteralEncryptsDifferentlyEachTimeAndDecryptsAlike() throws Exception {
    String sql = "UPDATE customers SET phone = '555-0100' WHERE id = 1";
    String first = rewrite(encryption, sql);
    String second = rewrite(encryption, sql);
    assertThat(first).isNotEqualTo(second);
    ProtectedColumn phone = column(columns, "customers.phone");
    for (String rewritten : List.of(first, second)) {
      assertThat(phone.open(storedBytes(phone, replacements(sql, rewritten).get(0).rewritten())))
          .isEqualTo("555-0100");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE id = 5 AND name = 'Ada'",
      "SELECT id FROM customers WHERE email = ? AND id = 5",
      "SELECT id, name FROM products WHERE name = 'x' AND price > 2.5",
      "UPDATE customers SET name = 'x' WHERE email = ?",
      "SELECT id FROM customers WHERE email IS NULL LIMIT 10",
  })
  void aStatementWithoutEncryptedLiteralsIsReturnedAsTheSameString(String sql) throws Exception {
    assertThat(rewrite(encryption, sql)).isSameAs(sql);
  }

  @Test
  void literalsAndParametersMixedInFoldedRowsAndInLists() throws Exception {
    String insert = "INSERT INTO customers (id, email) VALUES (?, 'a@example.com'), (2, ?)";
    PreparedSql prepared = prepare(encryption, insert);
    ProtectedColumn email = column(columns, "customers.email");
    assertThat(prepared.parameter(1)).isNull();
    assertThat(prepared.parameter(2)).isSameAs(email);
    List<Replaced> replaced = replacements(insert, prepared.sql());
    assertThat(replaced).extracting(Replaced::original).containsExactly("'a@example.com'");
    assertThat(email.open(storedBytes(email, replaced.get(0).rewritten()))).isEqualTo("a@example.com");

    String in = "SELECT id FROM customers WHERE email IN ('a', ?, 'b') AND id IN (1, 2)";
    prepared = prepare(encryption, in);
    assertThat(prepared.parameter(1)).isSameAs(email);
    replaced = replacements(in, prepared.sql());
    assertThat(replaced).extracting(Replaced::original).containsExactly("'a'", "'b'");
    assertThat(replaced).extracting(Replaced::rewritten)
        .containsExactly("'" + email.seal("a") + "'", "'" + email.seal("b") + "'");
    assertThat(prepared.sql()).endsWith(") AND id IN (1, 2)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE score = 'forty-two'",
      "SELECT id FROM customers WHERE score = 4.5",
      "UPDATE customers SET amount = 'lots' WHERE id = 1",
  })
  void aLiteralTheColumnTypeCannotHoldFailsWithoutShowingIt(String sql) {
    String literal = Encryptions.lex(sql).literalValue(valueOfEncryptedColumn(sql));
    assertThatThrownBy(() -> rewrite(encryption, sql))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("customers.")
        .hasMessageNotContaining(literal)
        .satisfies(e -> assertThat(((SQLDataException) e).getSQLState()).isEqualTo("22018"));
  }

  private static int valueOfEncryptedColumn(String sql) {
    LexedStatement statement = Encryptions.lex(sql);
    for (int v = 0; v < statement.valueCount(); v++) {
      if (statement.valueType(v) != TokenType.PLACEHOLDER && !statement.valueText(v).equals("1")) {
        return v;
      }
    }
    throw new AssertionError("no literal in " + sql);
  }
}

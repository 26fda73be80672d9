package dev.aegis.encrypt;

import static dev.aegis.encrypt.Encryptions.assertRefused;
import static dev.aegis.encrypt.Encryptions.column;
import static dev.aegis.encrypt.Encryptions.prepare;
import static dev.aegis.encrypt.Encryptions.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Columns in migration ({@code migration: encrypting | decrypting}): equality searches also match the
 * plaintext a not yet migrated row holds, and writes store the migration's target form.
 */
class ColumnMigrationTest {
  static final String CONFIG = """
      columns:
        people.email:  { mode: deterministic, key: search, migration: encrypting }
        people.code:   { mode: deterministic, key: search, type: integer, migration: encrypting }
        people.photo:  { mode: deterministic, key: search, type: bytes, migration: encrypting }
        people.note:   { mode: randomized,    key: pii, migration: encrypting }
        leavers.email: { mode: deterministic, key: search, migration: decrypting }
        leavers.note:  { mode: randomized,    key: pii, migration: decrypting }
        stays.email:   { mode: deterministic, key: search }
      """;

  private static EncryptedColumns columns;
  private static ColumnEncryption encryption;

  @BeforeAll
  static void keys() throws Exception {
    columns = Encryptions.columns(CONFIG, "people.photo");
    encryption = Encryptions.encryption(columns);
  }

  private static String utf8Hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEncryptingColumnIsSearchedByItsCiphertextAndItsPlaintext() throws Exception {
    ProtectedColumn email = column(columns, "people.email");

    assertThat(email.searchSlots()).isEqualTo(2);
    Object[] forms = email.searchForms("ada@example.com");
    assertThat(forms).hasSize(2);
    assertThat(forms[0]).isEqualTo(email.seal("ada@example.com"));
    assertThat(forms[1]).isEqualTo("ada@example.com");

    String rewritten = rewrite(encryption, "SELECT id FROM people WHERE email = 'ada@example.com'");
    Matcher m = Pattern.compile(
        "SELECT id FROM people WHERE email IN \\('([A-Za-z0-9+/=]+)', _utf8mb4 X'([0-9a-f]+)'\\)").matcher(rewritten);
    assertThat(m.matches()).as(rewritten).isTrue();
    assertThat(email.open(CiphertextFormat.fromText(m.group(1)))).isEqualTo("ada@example.com");
    assertThat(m.group(2)).isEqualTo(utf8Hex("ada@example.com"));

    PreparedSql prepared = prepare(encryption, "SELECT id FROM people WHERE email <> ? AND id = ?");
    assertThat(prepared.sql()).isEqualTo("SELECT id FROM people WHERE email NOT IN (?, ?) AND id = ?");
    assertThat(prepared.slots(1)).isEqualTo(2);
    assertThat(prepared.index(2)).isEqualTo(3);
  }

  @Test
  void thePlaintextFormIsTheValueAsTheUnencryptedColumnHoldsIt() throws Exception {
    ProtectedColumn code = column(columns, "people.code");
    ProtectedColumn photo = column(columns, "people.photo");

    assertThat(code.plainForm("042")).isEqualTo("42");
    assertThat(code.plainForm(42L)).isEqualTo("42");
    assertThat(photo.plainForm(new byte[] {1, 2})).isEqualTo(new byte[] {1, 2});
    assertThat(rewrite(encryption, "SELECT id FROM people WHERE code = '042'"))
        .endsWith(", _utf8mb4 X'" + utf8Hex("42") + "')");
    assertThat(rewrite(encryption, "SELECT id FROM people WHERE photo = X'0102'"))
        .matches("SELECT id FROM people WHERE photo IN \\(X'[0-9a-f]+', X'0102'\\)");
  }

  @Test
  void anEncryptingColumnWritesOnlyCiphertext() throws Exception {
    ProtectedColumn email = column(columns, "people.email");

    Object stored = email.stored("ada@example.com");
    assertThat(email.open(CiphertextFormat.fromText((String) stored))).isEqualTo("ada@example.com");
    String rewritten = rewrite(encryption, "INSERT INTO people (id, email, note) VALUES (1, 'ada@example.com', 'n')");
    assertThat(rewritten).matches("INSERT INTO people \\(id, email, note\\) VALUES \\(1, '[A-Za-z0-9+/=]+',"
        + " '[A-Za-z0-9+/=]+'\\)").doesNotContain("ada").doesNotContain(utf8Hex("ada"));
  }

  @Test
  void aDecryptingColumnWritesPlaintextAndSearchesBothForms() throws Exception {
    ProtectedColumn email = column(columns, "leavers.email");

    assertThat(email.stored("ada@example.com")).isEqualTo("ada@example.com");
    assertThat(column(columns, "leavers.note").stored(5)).isEqualTo("5");
    assertThat(rewrite(encryption, "INSERT INTO leavers (id, email, note) VALUES (1, 'ada@example.com', 'n')"))
        .isEqualTo("INSERT INTO leavers (id, email, note) VALUES (1, _utf8mb4 X'" + utf8Hex("ada@example.com")
            + "', _utf8mb4 X'" + utf8Hex("n") + "')");
    assertThat(rewrite(encryption, "UPDATE leavers SET email = 'b@x' WHERE email = 'ada@example.com'"))
        .matches("UPDATE leavers SET email = _utf8mb4 X'" + utf8Hex("b@x") + "' WHERE email IN"
            + " \\('[A-Za-z0-9+/=]+', _utf8mb4 X'" + utf8Hex("ada@example.com") + "'\\)");
    PreparedSql prepared = prepare(encryption, "UPDATE leavers SET email = ? WHERE email = ?");
    assertThat(prepared.sql()).isEqualTo("UPDATE leavers SET email = ? WHERE email IN (?, ?)");
    assertThat(prepared.slots(1)).isEqualTo(1);
    assertThat(prepared.slots(2)).isEqualTo(2);
  }

  @Test
  void aTextPlaintextIsWrittenWithoutQuotesOrBackslashes() throws Exception {
    String rewritten = rewrite(encryption, "SELECT id FROM people WHERE email = 'o\\'reilly\\\\x'");

    assertThat(rewritten).endsWith(", _utf8mb4 X'" + utf8Hex("o'reilly\\x") + "')");
  }

  @Test
  void searchesOnRandomizedColumnsInMigrationStayRefused() {
    assertRefused(() -> prepare(encryption, "SELECT id FROM people WHERE note = ?"), "people.note",
        "equality search");
    assertRefused(() -> prepare(encryption, "SELECT id FROM leavers WHERE note IN (?)"), "leavers.note", "IN");
  }

  @Test
  void formsThatCannotBeWidenedAreRefusedNamingTheMigration() throws Exception {
    assertRefused(() -> prepare(encryption, "SELECT CASE email WHEN ? THEN 1 END FROM people"), "people.email",
        "migration: encrypting", "Write it as col = ?");
    assertThat(prepare(encryption, "SELECT CASE email WHEN ? THEN 1 END FROM stays").sql())
        .as("a column in its normal state with one key is not affected")
        .isEqualTo("SELECT CASE email WHEN ? THEN 1 END FROM stays");
  }

  @Test
  void theMigrationIsLoggedOncePerColumnWithoutTheValues() throws Exception {
    EncryptedColumns fresh = Encryptions.columns(CONFIG, "people.photo");
    ColumnEncryption freshEncryption = Encryptions.encryption(fresh);
    List<String> lines;
    try (LogCapture capture = LogCapture.start()) {
      rewrite(freshEncryption, "SELECT id FROM people WHERE email = 'secret-one@example.com'");
      rewrite(freshEncryption, "SELECT id FROM people WHERE email = 'secret-two@example.com'");
      lines = capture.drain();
    }

    assertThat(lines).filteredOn(l -> l.contains("people.email")).singleElement().asString()
        .contains("is being migrated (migration: encrypting)").contains("plaintext")
        .doesNotContain("secret");
    assertThat(lines).noneMatch(l -> l.contains("secret"));
  }
}

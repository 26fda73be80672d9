package dev.aegis.encrypt;

import static dev.aegis.encrypt.Encryptions.assertRefused;
import static dev.aegis.encrypt.Encryptions.column;
import static dev.aegis.encrypt.Encryptions.prepare;
import static dev.aegis.encrypt.Encryptions.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.ConfigReader;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Equality search while a deterministic keyset has two enabled keys: every form of {@code =}, {@code <>},
 * {@code IN} and {@code <=>} is widened to the ciphertexts under both keys, on the lexer's tokens, and what
 * cannot be widened safely is refused. With one key nothing changes.
 */
class SearchWideningTest {
  static final String CONFIG = """
      columns:
        customers.email:  { mode: deterministic, key: search }
        customers.photo:  { mode: deterministic, key: search, type: bytes }
        customers.score:  { mode: deterministic, key: search, type: integer }
        customers.phone:  { mode: randomized,    key: pii }
        leads.contact:    { mode: deterministic, key: search, domain: customers.email }
      """;

  private Map<String, KeysetHandle> keysets;
  private EncryptedColumns columns;
  private ColumnEncryption encryption;

  @BeforeEach
  void oneKeyEach() throws Exception {
    AegisConfig config = ConfigReader.parse(CONFIG, "aegis.yml");
    keysets = new HashMap<>();
    for (ColumnConfig column : config.columns().values()) {
      keysets.computeIfAbsent(column.key(), k -> newKeyset(column));
    }
    columns = EncryptedColumns.of(config, keysets, Set.of(ColumnRef.valueOf("customers.photo")));
    encryption = Encryptions.encryption(columns);
  }

  private static KeysetHandle newKeyset(ColumnConfig column) {
    try {
      return ColumnCipher.newKeyset(column.mode());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds an enabled, not primary, key to the deterministic keyset: the first stage of a rotation. */
  private void addSecondKey() throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keysets.get("search"));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId().setStatus(KeyStatus.ENABLED));
    keysets.put("search", builder.build());
    columns.rekey(keysets);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE email = ?",
      "SELECT id FROM customers WHERE email <=> ? AND name = ?",
      "SELECT id FROM customers WHERE email IN (?, ?) OR email <> ?",
      "SELECT CASE email WHEN ? THEN 1 END FROM customers",
      "SELECT id FROM customers WHERE (email, name) = (?, ?)",
  })
  void withOneKeyTheSqlIsUntouched(String sql) throws Exception {
    PreparedSql prepared = prepare(encryption, sql);

    assertThat(prepared.sql()).isSameAs(sql);
    assertThat(prepared.expanded()).isFalse();
    assertThat(prepared.index(1)).isEqualTo(1);
    assertThat(prepared.index(2)).isEqualTo(2);
    assertThat(prepared.slots(1)).isEqualTo(1);
    assertThat(prepared.keyed()).as("a search depends on the keys").isTrue();
    assertThat(prepared.stale()).isFalse();
  }

  @Test
  void withOneKeyALiteralSearchIsOnlyReplacedByItsCiphertext() throws Exception {
    String rewritten = rewrite(encryption, "SELECT id FROM customers WHERE email = 'ada@example.com'");

    assertThat(rewritten).matches("SELECT id FROM customers WHERE email = '[A-Za-z0-9+/=]+'");
  }

  @Test
  void aStatementWithoutSearchOrLiteralDoesNotDependOnTheKeys() throws Exception {
    addSecondKey();
    PreparedSql prepared = prepare(encryption, "INSERT INTO customers (id, email, photo) VALUES (?, ?, ?)");

    assertThat(prepared.keyed()).isFalse();
    assertThat(prepared.expanded()).isFalse();
    assertThat(prepared.sql()).isEqualTo("INSERT INTO customers (id, email, photo) VALUES (?, ?, ?)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE email = ? | SELECT id FROM customers WHERE email IN (?, ?)",
      "SELECT id FROM customers WHERE email <> ? | SELECT id FROM customers WHERE email NOT IN (?, ?)",
      "SELECT id FROM customers WHERE email != ? | SELECT id FROM customers WHERE email NOT IN (?, ?)",
      "SELECT id FROM customers WHERE ? = email | SELECT id FROM customers WHERE email IN (?, ?)",
      "SELECT id FROM customers WHERE ? <> email | SELECT id FROM customers WHERE email NOT IN (?, ?)",
      "SELECT id FROM customers WHERE email <=> ? | SELECT id FROM customers WHERE (email <=> ? OR email <=> ?)",
      "SELECT id FROM customers WHERE ? <=> email | SELECT id FROM customers WHERE (email <=> ? OR email <=> ?)",
      "SELECT id FROM customers WHERE email IN (?) | SELECT id FROM customers WHERE email IN (?, ?)",
      "SELECT id FROM customers WHERE email NOT IN (?, ?) | SELECT id FROM customers WHERE email NOT IN (?, ?, ?, ?)",
      "SELECT id FROM customers WHERE NOT email = ? | SELECT id FROM customers WHERE NOT email IN (?, ?)",
      "SELECT id FROM customers WHERE NOT (email = ?) | SELECT id FROM customers WHERE NOT (email IN (?, ?))",
      // comments and odd spacing between the tokens
      "SELECT id FROM customers WHERE email/* a */=/* b */? | SELECT id FROM customers WHERE email IN (?, ?)",
      "SELECT id FROM customers WHERE\temail\n  =\n?\n | SELECT id FROM customers WHERE\temail IN (?, ?)\n",
      "SELECT id FROM customers WHERE email IN ( ? , /* x */ ? ) | "
          + "SELECT id FROM customers WHERE email IN ( ?, ? , /* x */ ?, ? )",
      "SELECT id FROM customers -- note\nWHERE email = ? | SELECT id FROM customers -- note\nWHERE email IN (?, ?)",
      // qualified and quoted names
      "SELECT c.id FROM customers c WHERE c.email = ? | SELECT c.id FROM customers c WHERE c.email IN (?, ?)",
      "SELECT id FROM customers WHERE `customers`.`email` = ? | "
          + "SELECT id FROM customers WHERE `customers`.`email` IN (?, ?)",
      "SELECT id FROM app.customers WHERE app.customers.email = ? | "
          + "SELECT id FROM app.customers WHERE app.customers.email IN (?, ?)",
      "SELECT c.id FROM customers c WHERE ? = c . email | SELECT c.id FROM customers c WHERE c . email IN (?, ?)",
      // precedence: each comparison alone between AND / OR
      "SELECT id FROM customers WHERE email = ? AND name = ? | "
          + "SELECT id FROM customers WHERE email IN (?, ?) AND name = ?",
      "SELECT id FROM customers WHERE name = ? OR email = ? AND id > ? | "
          + "SELECT id FROM customers WHERE name = ? OR email IN (?, ?) AND id > ?",
      "SELECT id FROM customers WHERE email = ? && id = ? | SELECT id FROM customers WHERE email IN (?, ?) && id = ?",
      // several encrypted parameters, binary columns, joins, writes and deletes
      "SELECT id FROM customers WHERE email = ? AND photo = ? | "
          + "SELECT id FROM customers WHERE email IN (?, ?) AND photo IN (?, ?)",
      "SELECT c.id FROM customers c JOIN leads l ON l.contact = c.email WHERE l.contact = ? ORDER BY c.id | "
          + "SELECT c.id FROM customers c JOIN leads l ON l.contact = c.email WHERE l.contact IN (?, ?) ORDER BY c.id",
      "UPDATE customers SET email = ?, phone = ? WHERE email = ? | "
          + "UPDATE customers SET email = ?, phone = ? WHERE email IN (?, ?)",
      "DELETE FROM customers WHERE score = ? LIMIT 1 | DELETE FROM customers WHERE score IN (?, ?) LIMIT 1",
      "SELECT CASE WHEN email = ? THEN 1 ELSE 0 END FROM customers | "
          + "SELECT CASE WHEN email IN (?, ?) THEN 1 ELSE 0 END FROM customers",
      "SELECT email = ? AS same FROM customers | SELECT email IN (?, ?) AS same FROM customers",
  })
  void withTwoKeysEverySearchFormIsWidenedToBothKeys(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    addSecondKey();

    PreparedSql prepared = prepare(encryption, parts[0]);

    assertThat(prepared.sql()).isEqualTo(parts[1]);
    assertThat(prepared.expanded()).isTrue();
    int application = (int) parts[0].chars().filter(c -> c == '?').count();
    int delegate = (int) parts[1].chars().filter(c -> c == '?').count();
    assertThat(prepared.parameterCount()).isEqualTo(application);
    int slotsTotal = 0;
    for (int i = 1; i <= application; i++) {
      assertThat(prepared.index(i)).as("delegate index of %d", i).isEqualTo(slotsTotal + 1);
      slotsTotal += prepared.slots(i);
    }
    assertThat(slotsTotal).isEqualTo(delegate);
  }

  @Test
  void parametersAfterAWidenedOneMoveAlong() throws Exception {
    addSecondKey();
    PreparedSql prepared = prepare(encryption,
        "SELECT id FROM customers WHERE name = ? AND email IN (?, ?) AND id > ? AND photo = ?");

    assertThat(prepared.sql()).isEqualTo(
        "SELECT id FROM customers WHERE name = ? AND email IN (?, ?, ?, ?) AND id > ? AND photo IN (?, ?)");
    assertThat(List.of(prepared.index(1), prepared.index(2), prepared.index(3), prepared.index(4),
        prepared.index(5))).containsExactly(1, 2, 4, 6, 7);
    assertThat(List.of(prepared.slots(1), prepared.slots(2), prepared.slots(3), prepared.slots(4),
        prepared.slots(5))).containsExactly(1, 2, 2, 1, 2);
    assertThat(prepared.parameter(1)).isNull();
    assertThat(prepared.parameter(2).name()).isEqualTo("customers.email");
    assertThat(prepared.parameter(4)).isNull();
  }

  @Test
  void literalsAreWidenedToTheCiphertextUnderEachKeyPrimaryFirst() throws Exception {
    ProtectedColumn email = column(columns, "customers.email");
    Object before = email.seal("ada@example.com");
    addSecondKey();

    String rewritten = rewrite(encryption, "SELECT id FROM customers WHERE email = 'ada@example.com' AND id = 1");

    Matcher m = Pattern.compile("SELECT id FROM customers WHERE email IN \\('([^']+)', '([^']+)'\\) AND id = 1")
        .matcher(rewritten);
    assertThat(m.matches()).as(rewritten).isTrue();
    byte[] first = CiphertextFormat.fromText(m.group(1));
    byte[] second = CiphertextFormat.fromText(m.group(2));
    assertThat(m.group(1)).as("the primary's, as stored before the key was added").isEqualTo(before);
    assertThat(CiphertextFormat.keyIdOf(first)).isNotEqualTo(CiphertextFormat.keyIdOf(second));
    assertThat(email.open(first)).isEqualTo("ada@example.com");
    assertThat(email.open(second)).isEqualTo("ada@example.com");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT id FROM customers WHERE 'a@x' = email | SELECT id FROM customers WHERE email IN (C, C)",
      "SELECT id FROM customers WHERE email <> 'a@x' | SELECT id FROM customers WHERE email NOT IN (C, C)",
      "SELECT id FROM customers WHERE email IN ('a@x', 'b@x') | SELECT id FROM customers WHERE email IN (C, C, C, C)",
      "SELECT id FROM customers WHERE email <=> 'a@x' | SELECT id FROM customers WHERE (email <=> C OR email <=> C)",
      "SELECT id FROM customers WHERE photo = X'0102' | SELECT id FROM customers WHERE photo IN (B, B)",
      "SELECT id FROM customers WHERE score = - /* minus */ 5 | SELECT id FROM customers WHERE score IN (C, C)",
      "SELECT id FROM customers WHERE email <=> NULL | SELECT id FROM customers WHERE email <=> NULL",
      "INSERT INTO customers (id, email) VALUES (1, 'a@x') | INSERT INTO customers (id, email) VALUES (1, C)",
  })
  void literalFormsAreWidenedInPlainStatements(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    addSecondKey();

    String rewritten = rewrite(encryption, parts[0]);

    String shape = rewritten.replaceAll("X'[0-9a-f]+'", "B").replaceAll("'[A-Za-z0-9+/]+={0,2}'", "C");
    assertThat(shape).isEqualTo(parts[1]);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT CASE email WHEN ? THEN 1 END FROM customers | an equality search",
      "SELECT id FROM customers WHERE (email, name) = (?, ?) | an equality search",
      "SELECT id FROM customers WHERE (email) = ? | an equality search",
      "SELECT id FROM customers WHERE (email, name) IN ((?, ?)) | a search with IN",
      "SELECT id FROM customers WHERE /*!50000 email = ? */ | an equality search",
  })
  void formsThatCannotBeWidenedAreRefusedWhileTwoKeysAreEnabled(String spec) throws Exception {
    String[] parts = spec.split(" \\| ");
    assertThat(prepare(encryption, parts[0]).sql()).as("with one key it works").isEqualTo(parts[0]);
    addSecondKey();

    assertRefused(() -> prepare(encryption, parts[0]), "customers.email", parts[1], "keyset 'search' has 2"
        + " enabled keys", "Write it as col = ?");
    assertRefused(() -> rewrite(encryption, parts[0].replace("?", "'a@x'")), "customers.email");
  }

  @Test
  void randomizedColumnsStayRefusedForSearch() throws Exception {
    addSecondKey();
    assertRefused(() -> prepare(encryption, "SELECT id FROM customers WHERE phone = ?"), "customers.phone",
        "equality search");
  }

  @Test
  void aStatementPreparedWithOneKeyIsStaleOnceASecondIsLoadedAndIsMadeAgainWidened() throws Exception {
    PreparedSql prepared = prepare(encryption, "SELECT id FROM customers WHERE email = ? AND name = ?");
    assertThat(prepared.stale()).isFalse();

    addSecondKey();

    assertThat(prepared.stale()).isTrue();
    PreparedSql again = prepared.again();
    assertThat(again.sql()).isEqualTo("SELECT id FROM customers WHERE email IN (?, ?) AND name = ?");
    assertThat(again.stale()).isFalse();
    assertThat(again.index(2)).isEqualTo(3);
  }

  @Test
  void searchFormsAreTheCiphertextUnderEachKeyAndDecrypt() throws Exception {
    addSecondKey();
    ProtectedColumn photo = column(columns, "customers.photo");

    Object[] forms = photo.searchForms(new byte[] {1, 2});

    assertThat(forms).hasSize(2).allSatisfy(f -> assertThat(f).isInstanceOf(byte[].class));
    List<Integer> keys = new ArrayList<>();
    for (Object form : forms) {
      assertThat(photo.open((byte[]) form)).isEqualTo(new byte[] {1, 2});
      keys.add(CiphertextFormat.keyIdOf((byte[]) form));
    }
    assertThat(new HashSet<>(keys)).hasSize(2);
  }
}

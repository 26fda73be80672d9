package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.analysis.StatementAnalyzer;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ColumnConfig;
import dev.aegis.config.ColumnRef;
import dev.aegis.config.ConfigReader;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.error.AegisEncryptionException;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.Lexer;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Test shorthand: column encryption for a YAML configuration, with fresh keysets, and statements lexed and
 * analysed as the pipeline does it (the analyser reads the lexer's parse text).
 */
final class Encryptions {
  static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

  private Encryptions() {}

  /**
   * The encrypted columns of {@code yaml}, each keyset named there generated fresh for the mode of its
   * columns; {@code binary} lists the columns the server stores as bytes.
   */
  static EncryptedColumns columns(String yaml, String... binary) throws Exception {
    AegisConfig config = ConfigReader.parse(yaml, "aegis.yml");
    Map<String, KeysetHandle> keysets = new HashMap<>();
    for (ColumnConfig column : config.columns().values()) {
      if (!keysets.containsKey(column.key())) {
        keysets.put(column.key(), dev.aegis.crypto.ColumnCipher.newKeyset(column.mode()));
      }
    }
    Set<ColumnRef> binaryColumns = new java.util.HashSet<>();
    for (String name : binary) {
      binaryColumns.add(ColumnRef.valueOf(name));
    }
    return EncryptedColumns.of(config, keysets, binaryColumns);
  }

  static ColumnEncryption encryption(EncryptedColumns columns) {
    return new ColumnEncryption(columns, 100, () -> { });
  }

  static LexedStatement lex(String sql) {
    return Lexer.lex(sql);
  }

  static PreparedSql prepare(ColumnEncryption encryption, String sql) throws SQLException {
    LexedStatement statement = lex(sql);
    return encryption.prepare(statement, ANALYZER.analyze(statement.parseText()));
  }

  static String rewrite(ColumnEncryption encryption, String sql) throws SQLException {
    LexedStatement statement = lex(sql);
    return encryption.rewrite(statement, ANALYZER.analyze(statement.parseText()));
  }

  /** The column configured as {@code name} ({@code table.column}). */
  static ProtectedColumn column(EncryptedColumns columns, String name) {
    ColumnRef ref = ColumnRef.valueOf(name);
    ProtectedColumn column = columns.find(ref.schema(), ref.table(), ref.column());
    assertThat(column).as("configured column %s", name).isNotNull();
    return column;
  }

  /** What {@code column} stores for a ciphertext literal of the rewritten SQL, {@code 'base64'} or {@code X'hex'}. */
  static byte[] storedBytes(ProtectedColumn column, String literal) {
    if (column.binary()) {
      assertThat(literal).matches("X'[0-9a-f]+'");
      return HexFormat.of().parseHex(literal.substring(2, literal.length() - 1));
    }
    assertThat(literal).matches("'[A-Za-z0-9+/]+={0,2}'");
    return CiphertextFormat.fromText(literal.substring(1, literal.length() - 1));
  }

  /** Asserts a refusal before anything is sent: ZA300, naming each fragment. */
  static void assertRefused(ThrowingCallable call, String... fragments) {
    assertThatThrownBy(call)
        .isInstanceOf(AegisEncryptionException.class)
        .hasMessageContainingAll(fragments)
        .hasMessageContaining("Nothing was sent to the server")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("ZA300"));
  }
}

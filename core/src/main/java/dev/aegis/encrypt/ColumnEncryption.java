package dev.aegis.encrypt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aegis.analysis.Analysis;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Column encryption for one configuration: encrypts the values of encrypted columns in statements (literals
 * in the text, parameters as they are bound), refuses what cannot be done on ciphertext, and decrypts
 * results. The plan for a statement shape is computed once per digest and cached; thread-safe, no lock.
 */
public final class ColumnEncryption {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ColumnEncryption.class);
  private final EncryptedColumns columns;
  private final EncryptionPlanner planner;
  private final Cache<String, EncryptionPlan> plans;
  private final java.util.function.Consumer<ProtectedColumn> plaintextRead;
  private final java.util.Set<String> warnedColumns = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param plaintextRead called for each value of an encrypted column read as plaintext (a half-migrated
   *     table), so operators see how much is left to migrate
   */
  public ColumnEncryption(EncryptedColumns columns, int cacheSize, Runnable plaintextRead) {
    this.columns = columns;
    this.plaintextRead = column -> {
      plaintextRead.run();
      if (column.migration() != null) {
        column.announce(); // expected while a column is migrated: said once, in the migration's own words
      } else if (warnedColumns.add(column.name())) {
        LOG.warn("Encrypted column {} holds values that are not Aegis ciphertext (a half-migrated table);"
            + " they are read as plaintext and counted in aegis.encryption.plaintext.reads. Encrypt the"
            + " existing rows, then set strict: true on the column. Logged once per column.", column.name());
      }
    };
    this.planner = new EncryptionPlanner(columns);
    this.plans = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  public EncryptedColumns columns() {
    return columns;
  }

  /**
   * The SQL to send for a statement executed as text: literals of encrypted columns encrypted.
   *
   * @throws dev.aegis.error.AegisEncryptionException (ZA300) when the statement must be refused
   */
  public String rewrite(LexedStatement statement, Analysis analysis) throws SQLException {
    EncryptionPlan plan = plan(statement, analysis);
    return plan.encrypts() ? LiteralEncryption.rewrite(statement, plan) : statement.sql();
  }

  /**
   * The SQL to prepare and the encrypted column of each parameter. A search parameter of a column whose
   * values have several stored forms now becomes one delegate parameter per form (see {@link PreparedSql}).
   *
   * @throws dev.aegis.error.AegisEncryptionException (ZA300) when the statement must be refused
   */
  public PreparedSql prepare(LexedStatement statement, Analysis analysis) throws SQLException {
    return prepare(statement, plan(statement, analysis));
  }

  /** As above, with the statement's plan (kept by a prepared statement, to make it again). */
  PreparedSql prepare(LexedStatement statement, EncryptionPlan plan) throws SQLException {
    if (!plan.encrypts()) {
      return new PreparedSql(statement.sql(), null);
    }
    // Read before any key is: a reload after this point makes the statement stale, never silently mixed.
    long generation = columns.generation();
    ProtectedColumn[] parameters = null;
    int[] slots = null;
    boolean keyed = false;
    int index = 0;
    for (int v = 0; v < statement.valueCount(); v++) {
      int placeholder = statement.valuePlaceholder(v);
      ProtectedColumn column = plan.target(placeholder);
      if (statement.valueType(v) != TokenType.PLACEHOLDER) {
        keyed |= column != null; // a literal encrypted into the SQL text
        continue;
      }
      index++;
      if (column != null) {
        if (parameters == null) {
          parameters = new ProtectedColumn[statement.valueCount() + 1];
        }
        parameters[index] = column;
        if (plan.search(placeholder)) {
          keyed = true;
          int forms = column.searchSlots();
          if (forms > 1) {
            if (slots == null) {
              slots = new int[statement.valueCount() + 1];
            }
            slots[index] = forms;
          }
        }
      }
    }
    String sql = LiteralEncryption.rewrite(statement, plan, slots);
    return keyed ? new PreparedSql(sql, parameters, slots, index, this, statement, plan, generation)
        : new PreparedSql(sql, parameters);
  }

  /** The decryption of a result, or null when none of its columns can hold ciphertext. */
  public ResultDecryption results(ResultSetMetaData metadata) throws SQLException {
    return ResultDecryption.of(metadata, columns, plaintextRead);
  }

  private EncryptionPlan plan(LexedStatement statement, Analysis analysis) throws SQLException {
    String digest = statement.digest();
    EncryptionPlan plan = plans.getIfPresent(digest);
    if (plan == null) {
      plan = plans.get(digest, d -> planner.plan(analysis, statement));
    }
    if (plan.refused()) {
      throw plan.refusal();
    }
    return plan;
  }
}

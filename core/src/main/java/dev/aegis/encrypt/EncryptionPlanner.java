package dev.aegis.encrypt;

import dev.aegis.analysis.Analysis;
import dev.aegis.analysis.ColumnUse;
import dev.aegis.analysis.StatementKind;
import dev.aegis.analysis.TableRef;
import dev.aegis.analysis.ValueBinding;
import dev.aegis.analysis.ValueUse;
import dev.aegis.config.EncryptionMode;
import dev.aegis.lexer.LexedStatement;
import dev.aegis.lexer.TokenType;
import java.util.List;
import java.util.Locale;

/**
 * Decides, once per statement shape, what encryption does with it: which values are encrypted for which
 * column, or which use of an encrypted column the server cannot perform on ciphertext — then the statement
 * is refused before anything is sent, with a message naming the table, the column and the operation.
 *
 * <p>Fail closed for protected data, open for parsing: a statement the analyser cannot read is refused only
 * when it names a table with encrypted columns and carries values or writes (its values could be plaintext
 * of an encrypted column); otherwise it passes, and results are still decrypted from their metadata.
 */
final class EncryptionPlanner {
  private final EncryptedColumns columns;

  EncryptionPlanner(EncryptedColumns columns) {
    this.columns = columns;
  }

  EncryptionPlan plan(Analysis analysis, LexedStatement statement) {
    if (!analysis.analysable()) {
      return unanalysable(analysis, statement);
    }
    if (analysis.kind() == StatementKind.LOAD) {
      String table = protectedTableNamed(statement);
      if (table != null || anyProtected(analysis.tablesWritten())) {
        return EncryptionPlan.refuse("LOAD DATA into table " + (table != null ? table
            : analysis.tablesWritten().iterator().next()) + ", which has encrypted columns, is refused: the"
            + " server would store the file's plaintext. Insert the rows through Aegis instead."
            + NOTHING_SENT);
      }
      return EncryptionPlan.PASS;
    }
    List<ValueBinding> bindings = analysis.bindings();
    ProtectedColumn[] targets = null;
    ValueUse[] uses = null;
    for (ValueBinding binding : bindings) {
      if (binding.use() == ValueUse.INSERT_VALUE && binding.column() == null) {
        for (TableRef table : binding.tables()) {
          if (columns.protects(table.table())) {
            return EncryptionPlan.refuse("INSERT into table " + table + " without a column list is refused:"
                + " the table has encrypted columns and Aegis reads no schema to know which value goes"
                + " where. Name the columns: INSERT INTO " + table + " (col, …) VALUES (…)." + NOTHING_SENT);
          }
        }
        continue;
      }
      if (binding.column() == null) {
        continue;
      }
      ProtectedColumn column;
      try {
        column = resolve(binding.column(), binding.tables());
      } catch (Ambiguous e) {
        return EncryptionPlan.refuse(e.getMessage());
      }
      if (column == null) {
        continue;
      }
      String refusal = refusal(binding, column);
      if (refusal != null) {
        return EncryptionPlan.refuse(refusal);
      }
      if (targets == null) {
        targets = new ProtectedColumn[bindings.size()];
        uses = new ValueUse[bindings.size()];
      }
      targets[binding.placeholder()] = column;
      uses[binding.placeholder()] = binding.use();
    }
    for (ColumnUse use : analysis.columnUses()) {
      String refusal;
      try {
        refusal = refusal(use);
      } catch (Ambiguous e) {
        refusal = e.getMessage();
      }
      if (refusal != null) {
        return EncryptionPlan.refuse(refusal);
      }
    }
    return targets == null ? EncryptionPlan.PASS : EncryptionPlan.encrypt(targets, uses);
  }

  /** Why a column use without a value cannot be done on ciphertext, or null when it can. */
  private String refusal(ColumnUse use) throws Ambiguous {
    if (use.column() == null) {
      return wholeRowRefusal(use);
    }
    ProtectedColumn column = resolve(use.column(), use.tables());
    ProtectedColumn other = use.other() == null ? null : resolve(use.other(), use.otherTables());
    String operation = use.operation();
    return switch (use.context()) {
      case EXPRESSION -> column == null || "COUNT".equals(operation) ? null
          : refused(column, describe(operation), "the server would compute it on ciphertext. Read the value"
              + " and compute in the application.");
      case ORDER_BY -> column == null ? null : refused(column, operation,
          "ciphertext does not keep the order of values. Sort in the application after reading.");
      case GROUP_BY -> column == null || column.mode() == EncryptionMode.DETERMINISTIC ? null
          : refused(column, operation, "randomized encryption gives equal values different ciphertexts, so"
              + " equal values would not be grouped. Configure the column with mode: deterministic.");
      case COMPARED -> compared(use, column, other);
      case ASSIGNED -> assigned(use, column, other);
    };
  }

  private static String compared(ColumnUse use, ProtectedColumn column, ProtectedColumn other) {
    ProtectedColumn encrypted = column != null ? column : other;
    if (encrypted == null) {
      return null;
    }
    String operation = use.operation();
    boolean equality = EQUALITY.contains(operation);
    if (column != null && other != null && equality && column.domain().equals(other.domain())
        && column.mode() == EncryptionMode.DETERMINISTIC) {
      return null;
    }
    if (!equality) {
      return refused(encrypted, "comparison " + operation, "ciphertext keeps neither the order nor the"
          + " characters of values.");
    }
    if (column == null || other == null) {
      // The side that is not encrypted: either may be written first.
      String plain = column == null ? use.column() : use.other();
      return refused(encrypted, "comparison " + operation + " with " + (plain == null
          ? "an expression" : "non-encrypted column " + plain), "the server would compare ciphertext"
          + " with plaintext. Compare with a bound value (col = ?), which Aegis encrypts.");
    }
    if (column.mode() != EncryptionMode.DETERMINISTIC) {
      return refused(column, "comparison " + operation, "randomized encryption gives equal values different"
          + " ciphertexts. Configure the column with mode: deterministic.");
    }
    return refused(column, "comparison " + operation + " with encrypted column " + other.name(), "they are"
        + " encrypted in different domains, so equal values have different ciphertexts. Give both the same"
        + " domain and key to join them.");
  }

  private static String assigned(ColumnUse use, ProtectedColumn target, ProtectedColumn source) {
    if (target != null && source != null && target.domain().equals(source.domain())) {
      return null; // ciphertext copied within its domain stays valid
    }
    if (target != null && source != null) {
      return refused(target, use.operation() + " from encrypted column " + source.name() + " of another"
          + " domain", "ciphertext is bound to its domain and would not decrypt in this column. Give both"
          + " columns the same domain and key, or copy through the application.");
    }
    if (target != null) {
      return refused(target, use.operation() + " from " + (use.other() == null ? "an expression or constant"
          : "non-encrypted column " + use.other()), "the server would store plaintext in it. Read the"
          + " value and write it through Aegis with a bound value.");
    }
    if (source != null) {
      return "Aegis refused the statement: " + use.operation() + " copies encrypted column " + source.name()
          + " into non-encrypted column " + use.column() + ", which would then hold ciphertext as if it were"
          + " data. Configure the target column as encrypted in the same domain, or copy through the"
          + " application." + NOTHING_SENT;
    }
    return null;
  }

  /** A use that reaches every column of its tables: refused when one of them has encrypted columns. */
  private String wholeRowRefusal(ColumnUse use) {
    for (List<TableRef> tables : List.of(use.tables(), use.otherTables())) {
      for (TableRef table : tables) {
        if (columns.protects(table.table())) {
          return "Aegis refused the statement: " + use.operation() + " reaches every column of table " + table
              + ", which has encrypted columns, without naming them, so Aegis cannot check each one. Name the"
              + " columns." + NOTHING_SENT;
        }
      }
    }
    return null;
  }

  private static final java.util.Set<String> EQUALITY = java.util.Set.of("=", "<=>", "IN", "USING", "!=", "<>",
      "ANY", "= ANY", "ON");

  private static String describe(String operation) {
    return operation.chars().allMatch(c -> Character.isLetter(c) || c == '_') ? "function " + operation
        : "operator " + operation;
  }

  /** Why a value bound this way cannot be encrypted for {@code column}, or null when it can. */
  private static String refusal(ValueBinding binding, ProtectedColumn column) {
    ValueUse use = binding.use();
    if (binding.insideFunction()) {
      return refused(column, use == ValueUse.INSERT_VALUE || use == ValueUse.ASSIGNMENT
          ? "assigning an expression" : "a function or expression in a comparison",
          "the server would compute it on ciphertext. Compute the value in the application and bind it"
              + " directly (col = ?).");
    }
    return switch (use) {
      case INSERT_VALUE, ASSIGNMENT -> null;
      case EQUALS, NOT_EQUALS, IN_LIST -> column.mode() == EncryptionMode.DETERMINISTIC ? null
          : refused(column, use == ValueUse.IN_LIST ? "IN" : "equality search",
              "randomized encryption gives equal values different ciphertexts. Configure the column with"
                  + " mode: deterministic to search it by equality.");
      case RANGE -> refused(column, "a range comparison (<, >, BETWEEN)",
          "ciphertext does not keep the order of values. Filter in the application after reading.");
      case PATTERN -> refused(column, "LIKE / REGEXP",
          "ciphertext does not keep the characters of values. Search by equality on a deterministic"
              + " column, or filter in the application after reading.");
      case OTHER -> refused(column, "this use of a value", "Aegis cannot tell what the server would do"
          + " with it. Compare or assign the column with a bare value (col = ?).");
    };
  }

  static final String NOTHING_SENT = " Nothing was sent to the server.";

  static String refused(ProtectedColumn column, String operation, String why) {
    return "Aegis refused the statement: " + operation + " on encrypted column " + column.name() + " ("
        + column.mode().name().toLowerCase(Locale.ROOT) + ") cannot be done: " + why + NOTHING_SENT;
  }

  /**
   * The encrypted column an unqualified or qualified reference names. With several candidate tables the
   * server itself resolves the name to the one table that has it (or fails as ambiguous), so a single
   * encrypted candidate is the column; two encrypted candidates of different domains cannot both be meant.
   */
  ProtectedColumn resolve(String column, List<TableRef> tables) throws Ambiguous {
    ProtectedColumn found = null;
    for (TableRef table : tables) {
      ProtectedColumn c = columns.find(table, column);
      if (c != null) {
        if (found != null && !found.domain().equals(c.domain())) {
          throw new Ambiguous("Aegis refused the statement: column '" + column + "' may be encrypted column "
              + found.name() + " or " + c.name() + ", which are encrypted differently. Qualify it with its"
              + " table." + NOTHING_SENT);
        }
        found = found == null ? c : found;
      }
    }
    return found;
  }

  static final class Ambiguous extends Exception {
    private static final long serialVersionUID = 1L;

    Ambiguous(String message) {
      super(message, null, false, false);
    }
  }

  private boolean anyProtected(Iterable<TableRef> tables) {
    for (TableRef table : tables) {
      if (columns.protects(table.table())) {
        return true;
      }
    }
    return false;
  }

  private EncryptionPlan unanalysable(Analysis analysis, LexedStatement statement) {
    String table = protectedTableNamed(statement);
    if (table == null) {
      return EncryptionPlan.PASS;
    }
    StatementKind kind = analysis.kind();
    boolean writes = kind == StatementKind.INSERT || kind == StatementKind.REPLACE
        || kind == StatementKind.UPDATE || kind == StatementKind.LOAD;
    if (!writes && statement.valueCount() == 0) {
      return EncryptionPlan.PASS;
    }
    String what = kind == StatementKind.LOAD ? "LOAD DATA" : writes ? "a write" : "a statement with values";
    return EncryptionPlan.refuse("Aegis refused the statement: it is " + what + " that names table " + table
        + ", which has encrypted columns, and Aegis cannot analyse it (" + analysis.unanalysableReason()
        + "), so it cannot tell which values to encrypt. Rewrite it in plainer SQL (one statement, named"
        + " columns, values bound as parameters)." + NOTHING_SENT);
  }

  /** The first name in the text that is a table with encrypted columns, or null. */
  private String protectedTableNamed(LexedStatement statement) {
    if (statement.overLimit() != null) {
      // Past a limit the lexer keeps no tokens, so the raw text is searched instead (rare and bounded).
      String text = statement.sql().toLowerCase(Locale.ROOT);
      for (ProtectedColumn column : columns.all()) {
        if (text.contains(column.ref().table())) {
          return column.ref().table();
        }
      }
    }
    for (int t = 0; t < statement.tokenCount(); t++) {
      TokenType type = statement.type(t);
      if (type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER) {
        String name = statement.text(t);
        if (type == TokenType.QUOTED_IDENTIFIER && name.length() >= 2) {
          name = name.substring(1, name.length() - 1).replace("``", "`");
        }
        name = name.toLowerCase(Locale.ROOT);
        if (columns.protects(name)) {
          return name;
        }
      }
    }
    return null;
  }
}

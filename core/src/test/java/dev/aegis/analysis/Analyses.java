package dev.aegis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/** Test shorthand: analyse, insist on an analysable result, and print bindings compactly. */
final class Analyses {

  static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

  private Analyses() {}

  /** Analyses and fails with the reason when the statement is unanalysable. */
  static Analysis analysed(String sql) {
    Analysis a = ANALYZER.analyze(sql);
    assertThat(a.analysable()).as("analysable: %s — reason: %s", sql, a.unanalysableReason()).isTrue();
    return a;
  }

  /** {@code column@table1,table2 USE} (+ {@code  fn} when inside a function), or {@code OTHER}. */
  static String compact(ValueBinding b) {
    if (b.column() == null && b.use() == ValueUse.OTHER) {
      return "OTHER";
    }
    String tables = b.tables().stream().map(TableRef::toString).collect(Collectors.joining(","));
    return b.column() + "@" + tables + " " + b.use() + (b.insideFunction() ? " fn" : "");
  }

  static List<String> bindings(String sql) {
    Analysis a = analysed(sql);
    for (int i = 0; i < a.bindings().size(); i++) {
      assertThat(a.bindings().get(i).placeholder()).isEqualTo(i);
    }
    return a.bindings().stream().map(Analyses::compact).collect(Collectors.toList());
  }

  /**
   * {@code CONTEXT OPERATION column@table1,table2}, then {@code  ~ other@tables} when another column is
   * named ({@code null@t} for a column that cannot be named).
   */
  static String compact(ColumnUse u) {
    String use = u.context() + " " + u.operation() + " " + u.column() + "@" + joined(u.tables());
    return u.other() == null ? use : use + " ~ " + u.other() + "@" + joined(u.otherTables());
  }

  static List<String> uses(String sql) {
    return analysed(sql).columnUses().stream().map(Analyses::compact).collect(Collectors.toList());
  }

  private static String joined(List<TableRef> tables) {
    return tables.stream().map(TableRef::toString).collect(Collectors.joining(","));
  }

  static List<String> tables(java.util.Set<TableRef> set) {
    return set.stream().map(TableRef::toString).sorted().collect(Collectors.toList());
  }
}

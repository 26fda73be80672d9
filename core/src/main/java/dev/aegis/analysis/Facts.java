package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The mutable accumulator of one analysis; becomes an {@link Analysis} at the end. One per call. */
final class Facts {

  private final ValueBinding[] bindings;
  final Set<TableRef> read = new LinkedHashSet<>();
  final Set<TableRef> written = new LinkedHashSet<>();
  final Set<String> functions = new HashSet<>();
  final Set<String> schemas = new HashSet<>();
  final List<ConstantPredicate> constants = new ArrayList<>();
  /** Repeats dropped: a set keeps the cached analysis no larger than the distinct uses. */
  private final Set<ColumnUse> uses = new LinkedHashSet<>();
  StatementKind kind;
  int unionSelects;
  int constantOnlyUnionSelects;
  boolean whereless;
  int maxSubqueryDepth;
  /** Placeholders the walk did not reach are plain values (DDL), not a sign of a skipped node. */
  boolean unreachedPlaceholdersAreValues;

  Facts(int placeholders) {
    this.bindings = new ValueBinding[placeholders];
  }

  /**
   * Records what the placeholder with the parser's 1-based index is bound to. The first binding wins:
   * the walk visits each placeholder once, so a second one would only repeat it.
   */
  void bind(int parserIndex, String column, List<TableRef> tables, ValueUse use, boolean insideFunction) {
    int i = parserIndex - 1;
    if (i < 0 || i >= bindings.length) {
      throw new Unsupported("placeholder " + parserIndex + " beyond the " + bindings.length
          + " placeholders of the text");
    }
    if (bindings[i] == null) {
      bindings[i] = column == null && use == ValueUse.OTHER ? ValueBinding.unbound(i)
          : new ValueBinding(i, column, tables, use, insideFunction);
    }
  }

  void unbound(int parserIndex) {
    bind(parserIndex, null, List.of(), ValueUse.OTHER, false);
  }

  void use(ColumnUse use) {
    uses.add(use);
  }

  void function(String name) {
    functions.add(name.toUpperCase(Locale.ROOT));
  }

  void schema(String schema) {
    if (schema != null) {
      schemas.add(schema);
    }
  }

  void depth(int depth) {
    maxSubqueryDepth = Math.max(maxSubqueryDepth, depth);
  }

  Analysis toAnalysis(SqlText text, int statementCount) {
    List<ValueBinding> list = new ArrayList<>(bindings.length);
    for (int i = 0; i < bindings.length; i++) {
      ValueBinding binding = bindings[i];
      if (binding == null) {
        if (!unreachedPlaceholdersAreValues) {
          return StatementAnalyzer.fallback(text, "placeholder " + i + " not reached by the analysis");
        }
        binding = ValueBinding.unbound(i);
      }
      list.add(binding);
    }
    return new Analysis(kind, true, null, statementCount, read, written, list, functions, schemas,
        constants, unionSelects, constantOnlyUnionSelects, text.intoFile, whereless, maxSubqueryDepth,
        List.copyOf(uses));
  }
}

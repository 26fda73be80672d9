package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables visible in one query block, with the enclosing block as parent for correlated references,
 * the CTEs defined here, and the select-list aliases that HAVING and ORDER BY may name.
 */
final class Scope {

  final Scope parent;
  final List<Source> sources = new ArrayList<>(4);
  private Map<String, Derived> ctes;
  private Map<String, Resolved> selectAliases;

  Scope(Scope parent) {
    this.parent = parent;
  }

  void add(Source source) {
    sources.add(source);
  }

  void defineCte(String name, Derived derived) {
    if (ctes == null) {
      ctes = new HashMap<>(4);
    }
    ctes.put(name, derived);
  }

  Derived cte(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.ctes != null && s.ctes.containsKey(name)) {
        return s.ctes.get(name);
      }
    }
    return null;
  }

  void selectAlias(String alias, Resolved column) {
    if (selectAliases == null) {
      selectAliases = new HashMap<>(4);
    }
    selectAliases.putIfAbsent(alias, column);
  }

  /**
   * Resolves {@code [schema.][qualifier.]column}. A qualifier that names no source in any enclosing
   * block is taken as a table name (MySQL would reject anything else). Returns null for a select-list
   * alias of an expression over no column ({@code COUNT(*) AS n}) where aliases are visible.
   */
  Resolved resolve(String schema, String qualifier, String column, boolean aliasesVisible) {
    if (qualifier != null) {
      for (Scope s = this; s != null; s = s.parent) {
        for (Source source : s.sources) {
          if (source.matches(schema, qualifier)) {
            return source.column(column);
          }
        }
      }
      return new Resolved(column, List.of(new TableRef(schema, qualifier)), true);
    }
    if (aliasesVisible && selectAliases != null && selectAliases.containsKey(column)) {
      return selectAliases.get(column);
    }
    for (Scope s = this; s != null; s = s.parent) {
      if (!s.sources.isEmpty()) {
        return s.unqualified(column);
      }
    }
    return new Resolved(column, List.of(), true);
  }

  private Resolved unqualified(String column) {
    if (sources.size() == 1) {
      return sources.get(0).column(column);
    }
    Source only = null;
    int candidates = 0;
    for (Source source : sources) {
      if (source.base() != null || source.derived().exposes(column)) {
        candidates++;
        only = source;
      }
    }
    if (candidates == 1) {
      return only.column(column);
    }
    return new Resolved(column, tables(), true);
  }

  /**
   * An unqualified column among some of a block's sources (one side of a USING join): the one source
   * that may hold it, else every table of those that may (of all of them when none says so).
   */
  static Resolved among(List<Source> sources, String column) {
    List<Source> candidates = new ArrayList<>(sources.size());
    for (Source source : sources) {
      if (source.base() != null || source.derived().exposes(column)) {
        candidates.add(source);
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0).column(column);
    }
    return new Resolved(column, tables(candidates.isEmpty() ? sources : candidates), true);
  }

  /** Every base table behind the sources of this block, in order, without repeats. */
  List<TableRef> tables() {
    return tables(sources);
  }

  static List<TableRef> tables(List<Source> sources) {
    List<TableRef> all = new ArrayList<>();
    for (Source source : sources) {
      for (TableRef t : source.tables()) {
        if (!all.contains(t)) {
          all.add(t);
        }
      }
    }
    return all;
  }
}

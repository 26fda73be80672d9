package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of a query block used as a table (derived table, CTE, UNION): the name of each output
 * column and the base column behind it, and every base table the block reads.
 */
final class Derived {

  final List<String> names = new ArrayList<>();
  final List<Resolved> columns = new ArrayList<>();
  final List<TableRef> tables = new ArrayList<>();
  /** A {@code *} in the select list: names not listed may still be there. */
  boolean star;

  /** Output of a block whose columns are unknown (VALUES, a recursive CTE before its anchor). */
  static Derived opaque() {
    Derived derived = new Derived();
    derived.star = true;
    return derived;
  }

  void add(String name, Resolved column) {
    names.add(name);
    columns.add(column);
  }

  void addTable(TableRef table) {
    if (!tables.contains(table)) {
      tables.add(table);
    }
  }

  /** Positional column names given by {@code WITH x (a, b)} or {@code AS t (a, b)}. */
  void rename(List<String> newNames) {
    for (int i = 0; i < newNames.size(); i++) {
      if (i < names.size()) {
        names.set(i, newNames.get(i));
      } else {
        names.add(newNames.get(i));
        columns.add(null);
      }
    }
  }

  /**
   * Merges the next SELECT of a UNION: column names stay the first SELECT's, tables add up. Where the
   * first SELECT has no column ({@code SELECT NULL AS e … UNION SELECT email …}) the later SELECTs'
   * columns are kept as a nameless column whose alternatives are them, for column uses only.
   */
  void union(Derived next) {
    for (int i = 0; i < columns.size() && i < next.columns.size(); i++) {
      Resolved mine = columns.get(i);
      Resolved theirs = next.columns.get(i);
      if (theirs == null) {
        continue;
      }
      if (mine == null || mine.column() == null) {
        List<Resolved> alternatives = mine == null ? theirs.bases() : Resolved.merge(mine, theirs);
        columns.set(i, new Resolved(null, List.of(), false, List.copyOf(alternatives)));
        continue;
      }
      List<TableRef> tablesOfBoth = new ArrayList<>(mine.tables());
      for (TableRef t : theirs.tables()) {
        if (!tablesOfBoth.contains(t)) {
          tablesOfBoth.add(t);
        }
      }
      boolean sameColumn = mine.column().equals(theirs.column());
      List<Resolved> alternatives = sameColumn && mine.alternatives().isEmpty()
          && theirs.alternatives().isEmpty() ? List.of() : Resolved.merge(mine, theirs);
      columns.set(i, new Resolved(mine.column(), tablesOfBoth, mine.direct() && theirs.direct()
          && sameColumn, alternatives));
    }
    next.tables.forEach(this::addTable);
    star |= next.star;
  }

  void copyFrom(Derived other) {
    names.clear();
    columns.clear();
    tables.clear();
    names.addAll(other.names);
    columns.addAll(other.columns);
    tables.addAll(other.tables);
    star = other.star;
  }

  /**
   * The base column behind an output name, or the name itself over every table read (with the
   * alternatives of a nameless UNION column of that name, see {@link #union}).
   */
  Resolved column(String name) {
    Resolved nameless = null;
    for (int i = 0; i < names.size(); i++) {
      Resolved column = columns.get(i);
      if (name.equals(names.get(i)) && column != null) {
        if (column.column() != null) {
          return column;
        }
        nameless = nameless == null ? column : nameless;
      }
    }
    return new Resolved(name, List.copyOf(tables), true,
        nameless == null ? List.of() : nameless.alternatives());
  }

  boolean exposes(String name) {
    return star || names.contains(name);
  }
}

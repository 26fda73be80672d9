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

  /** Merges the next SELECT of a UNION: column names stay the first SELECT's, tables add up. */
  void union(Derived next) {
    for (int i = 0; i < columns.size() && i < next.columns.size(); i++) {
      Resolved mine = columns.get(i);
      Resolved theirs = next.columns.get(i);
      if (mine == null || theirs == null) {
        continue;
      }
      List<TableRef> tablesOfBoth = new ArrayList<>(mine.tables());
      for (TableRef t : theirs.tables()) {
        if (!tablesOfBoth.contains(t)) {
          tablesOfBoth.add(t);
        }
      }
      columns.set(i, new Resolved(mine.column(), tablesOfBoth, mine.direct() && theirs.direct()
          && mine.column().equals(theirs.column())));
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

  /** The base column behind an output name, or the name itself over every table read. */
  Resolved column(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (name.equals(names.get(i)) && columns.get(i) != null) {
        return columns.get(i);
      }
    }
    return new Resolved(name, List.copyOf(tables), true);
  }

  boolean exposes(String name) {
    return star || names.contains(name);
  }
}

package dev.aegis.behaviour;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one principal was seen doing while Aegis learned: the most rows and statements it ran in a minute,
 * the tables it touched, the risky statement kinds it used and the hours (UTC) it was active. Immutable;
 * learning makes a new one.
 *
 * @param rowsPerMinute most rows read in a sliding minute, 0 when never measured
 * @param statementsPerMinute most statements in a sliding minute, 0 when never measured
 * @param tables base tables read or written, lower case
 * @param kinds risky statement kinds used: {@code DDL}, {@code ACCOUNT}, {@code DELETE-ALL}, {@code UPDATE-ALL}
 * @param hours bit {@code h} set when active in hour {@code h} (0–23, UTC)
 */
public record Profile(long rowsPerMinute, long statementsPerMinute, Set<String> tables, Set<String> kinds,
    int hours) {

  static final Profile EMPTY = new Profile(0, 0, Set.of(), Set.of(), 0);

  public Profile {
    tables = tables == null ? Set.of() : Set.copyOf(tables);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  Profile withRows(long rows) {
    return rows <= rowsPerMinute ? this : new Profile(rows, statementsPerMinute, tables, kinds, hours);
  }

  Profile withStatements(long statements) {
    return statements <= statementsPerMinute ? this
        : new Profile(rowsPerMinute, statements, tables, kinds, hours);
  }

  Profile withTable(String table) {
    if (tables.contains(table)) {
      return this;
    }
    Set<String> more = new TreeSet<>(tables);
    more.add(table);
    return new Profile(rowsPerMinute, statementsPerMinute, more, kinds, hours);
  }

  Profile withKind(String kind) {
    if (kinds.contains(kind)) {
      return this;
    }
    Set<String> more = new TreeSet<>(kinds);
    more.add(kind);
    return new Profile(rowsPerMinute, statementsPerMinute, tables, more, hours);
  }

  Profile withHour(int hour) {
    int bit = 1 << hour;
    return (hours & bit) != 0 ? this : new Profile(rowsPerMinute, statementsPerMinute, tables, kinds, hours | bit);
  }

  boolean activeAt(int hour) {
    return (hours & (1 << hour)) != 0;
  }
}

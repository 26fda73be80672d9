package dev.aegis.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A column reference resolved to the base tables behind it.
 *
 * @param column the base column name, lower case; null only for a column that cannot be named (an INSERT
 *     target without a column list, see {@link #anyColumnOf})
 * @param tables candidate base tables (more than one for an unqualified column in a join)
 * @param direct false when the name stands for an expression over the column (a derived table's
 *     {@code LOWER(email) AS e}), so a value compared with it goes through a function; also false for a
 *     UNION column that is a different column in each SELECT
 * @param alternatives for such a UNION column, the column of each SELECT (column uses are recorded for
 *     each: {@link #column} names only the first SELECT's); empty otherwise
 */
record Resolved(String column, List<TableRef> tables, boolean direct, List<Resolved> alternatives) {

  Resolved(String column, List<TableRef> tables, boolean direct) {
    this(column, tables, direct, List.of());
  }

  /** Some column of these tables that the analyser cannot name (a {@code *}, a NATURAL JOIN). */
  static Resolved anyColumnOf(List<TableRef> tables) {
    return new Resolved(null, List.copyOf(tables), false);
  }

  /** The base columns this stands for: itself, or the column of each SELECT of a UNION. */
  List<Resolved> bases() {
    return alternatives.isEmpty() ? List.of(this) : alternatives;
  }

  /** The column as the other side of a comparison or assignment: null unless one base column as is. */
  Resolved exact() {
    return direct && alternatives.isEmpty() && column != null ? this : null;
  }

  /** The alternatives of a UNION column made of {@code a} and {@code b}, without repeats. */
  static List<Resolved> merge(Resolved a, Resolved b) {
    List<Resolved> all = new ArrayList<>(a.bases());
    for (Resolved r : b.bases()) {
      if (!all.contains(r)) {
        all.add(r);
      }
    }
    return all;
  }
}

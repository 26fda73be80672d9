package dev.aegis.analysis;

import java.util.List;

/**
 * One entry of a FROM clause: a base table (maybe aliased) or a derived table / CTE reference.
 *
 * @param name how the query refers to it: the alias, else the table or CTE name; lower case
 * @param schema the schema written before a base table, lower case, or null
 * @param base the base table, or null for a derived table
 * @param derived the output of a derived table or CTE, or null for a base table
 */
record Source(String name, String schema, TableRef base, Derived derived) {

  static Source table(String alias, TableRef table) {
    return new Source(alias != null ? alias : table.table(), alias != null ? null : table.schema(),
        table, null);
  }

  static Source derived(String name, Derived derived) {
    return new Source(name, null, null, derived);
  }

  boolean matches(String qualifierSchema, String qualifier) {
    if (!qualifier.equals(name)) {
      return false;
    }
    return qualifierSchema == null || qualifierSchema.equals(schema)
        || (schema == null && base != null && qualifierSchema.equals(base.schema()));
  }

  Resolved column(String column) {
    return base != null ? new Resolved(column, List.of(base), true) : derived.column(column);
  }

  List<TableRef> tables() {
    return base != null ? List.of(base) : derived.tables;
  }
}

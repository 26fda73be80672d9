package dev.aegis.benchmarks.stub;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.Objects;

/**
 * One column of a canned result, described the way Connector/J describes a column of a plain
 * {@code SELECT} on MySQL: the base table and column names (aliases only change the label), the JDBC type
 * and its Java class. Aegis traces columns through {@code getTableName}, {@code getColumnName},
 * {@code getCatalogName}, {@code getColumnLabel} and {@code getColumnType}; the rest is there so that other
 * wrappers asking for it get sensible answers.
 *
 * @param name the column's name in its table ({@code getColumnName})
 * @param label its name in the result ({@code getColumnLabel}): the alias, else the name
 * @param type the {@link Types} constant
 * @param typeName the MySQL type name, as {@code getColumnTypeName} reports it
 * @param className the Java class {@code getObject} returns
 * @param precision characters for text, digits for numbers
 * @param displaySize characters needed to show a value
 * @param nullable a {@link ResultSetMetaData} {@code column*Null*} constant
 * @param signed whether numbers may be negative
 * @param autoIncrement whether the column is {@code AUTO_INCREMENT}
 */
public record StubColumn(String name, String label, int type, String typeName, String className, int precision,
    int displaySize, int nullable, boolean signed, boolean autoIncrement) {

  public StubColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
  }

  /** An {@code INT NOT NULL AUTO_INCREMENT} primary key. */
  public static StubColumn intKey(String name) {
    return new StubColumn(name, name, Types.INTEGER, "INT", Integer.class.getName(), 10, 11,
        ResultSetMetaData.columnNoNulls, true, true);
  }

  /** A nullable {@code VARCHAR(length)} (a case-insensitive collation, as MySQL's default is). */
  public static StubColumn varchar(String name, int length) {
    return new StubColumn(name, name, Types.VARCHAR, "VARCHAR", String.class.getName(), length, length,
        ResultSetMetaData.columnNullable, false, false);
  }

  /** This column under an alias ({@code SELECT name AS label}): the name and table stay. */
  public StubColumn as(String alias) {
    return new StubColumn(name, alias, type, typeName, className, precision, displaySize, nullable, signed,
        autoIncrement);
  }
}

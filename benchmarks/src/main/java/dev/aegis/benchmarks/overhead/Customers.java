package dev.aegis.benchmarks.overhead;

import dev.aegis.benchmarks.stub.StubColumn;
import dev.aegis.benchmarks.stub.StubDataSource;
import dev.aegis.benchmarks.stub.StubResult;
import java.util.List;

/**
 * The {@code customers} table the overhead benchmark's statements read, as the stub serves it, and the
 * statements themselves. Each arm's work is the same JDBC calls; only what wraps the stub differs.
 */
final class Customers {
  private Customers() {}

  /** The database the stub's results say they come from, as Connector/J's {@code getCatalogName} does. */
  static final String CATALOG = "app";
  static final String TABLE = "customers";

  static final int ID = 42;
  static final String EMAIL = "ada.lovelace@example.com";
  static final String PHONE = "+44 20 7946 0958";
  static final String NATIONAL_ID = "QQ 12 34 56 C";

  /** The primary-key lookup most arms run, as an ORM prepares it. */
  static final String LOOKUP = "SELECT id, email, phone FROM customers WHERE id = ?";
  /** The same lookup with its key inlined; the key follows. */
  static final String LOOKUP_INLINED = "SELECT id, email, phone FROM customers WHERE id = ";
  /**
   * The encrypted arm's lookup: two parameters of deterministic columns (equality on a randomized column is
   * refused by design), two columns read, one deterministic and one randomized.
   */
  static final String LOOKUP_BY_EMAIL = "SELECT email, phone FROM customers WHERE email = ? AND national_id = ?";
  /** How the encrypted arm's stored row is made: Aegis encrypts what it binds. */
  static final String INSERT = "INSERT INTO customers (email, phone) VALUES (?, ?)";
  /** An injection detection blocks in enforce mode (a tautology and a comment cutting the rest). */
  static final String INJECTION = LOOKUP_INLINED + "1 OR 1=1 -- ";

  private static final StubColumn ID_COLUMN = StubColumn.intKey("id");
  private static final StubColumn EMAIL_COLUMN = StubColumn.varchar("email", 255);
  private static final StubColumn PHONE_COLUMN = StubColumn.varchar("phone", 255);

  /** The stub served by {@link #LOOKUP} and {@link #LOOKUP_INLINED}: {@code id, email, phone} of one row. */
  static StubDataSource lookupTable(String name) {
    return new StubDataSource(name,
        StubResult.oneRow(CATALOG, TABLE, List.of(ID_COLUMN, EMAIL_COLUMN, PHONE_COLUMN), ID, EMAIL, PHONE));
  }

  /** The stub served by {@link #LOOKUP_BY_EMAIL}: {@code email, phone} of one row holding these values. */
  static StubDataSource emailTable(String name, String email, String phone) {
    return new StubDataSource(name,
        StubResult.oneRow(CATALOG, TABLE, List.of(EMAIL_COLUMN, PHONE_COLUMN), email, phone));
  }
}

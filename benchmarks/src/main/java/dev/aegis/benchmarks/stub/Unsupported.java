package dev.aegis.benchmarks.stub;

import java.sql.SQLFeatureNotSupportedException;

/** The failure of every JDBC method the stub does not implement. */
final class Unsupported {
  private Unsupported() {}

  static SQLFeatureNotSupportedException method(String name) {
    return new SQLFeatureNotSupportedException("The stub driver does not support " + name + "()");
  }
}

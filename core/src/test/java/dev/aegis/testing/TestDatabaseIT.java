package dev.aegis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseIT {

  @Test
  void serverAnswersAndEachTestGetsItsOwnSchema() throws Exception {
    TestDatabase db = TestDatabase.shared();
    String first = db.createDatabase("harness");
    String second = db.createDatabase("harness");
    assertThat(first).isNotEqualTo(second).startsWith("aegis_harness_");

    try (Connection c = db.connectPlain(first); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1), (2)");
      try (ResultSet rs = s.executeQuery("SELECT DATABASE(), COUNT(*), @@port FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(first);
        assertThat(rs.getInt(2)).isEqualTo(2);
        assertThat(rs.getInt(3)).isEqualTo(db.port());
      }
    }
    try (Connection c = db.connectPlain(second); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
      rs.next();
      assertThat(rs.getInt(1)).as("a new schema is empty").isZero();
    }
  }
}

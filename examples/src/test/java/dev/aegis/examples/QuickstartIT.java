package dev.aegis.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartIT {

  @Test
  void quickstartRunsThroughAegisAndReportsWhatItDid() throws Exception {
    TestDatabase db = TestDatabase.shared();
    String schema = db.createDatabase("quickstart");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.run(db.aegisUrl(schema), db.user(), db.password(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("Connected through jdbc:aegis:mysql://")
        .contains("AegisConnection over MySQL Connector/J")
        .contains("inserted 3 customers in one batch")
        .contains("found #3 Grace Hopper <grace@example.com>")
        .contains("customers in the table: 3")
        .containsPattern("Aegis pipeline: 4 SQL texts intercepted and judged \\(.*prepare-statement=2.*\\)")
        .contains("blocked before reaching the server: SQLState ZA100")
        .contains("tautology-or")
        .doesNotContain("NOT blocked");
  }

  /** The README's demo command runs main(): its own server, start to finish, nothing else needed. */
  @Test
  void mainStartsItsOwnServerAndFinishesCleanly() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      Quickstart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("Aegis ")
        .contains("Started an embedded MariaDB on port")
        .contains("customers in the table: 3")
        .contains("blocked before reaching the server");
  }
}

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
        .contains("keyset pii-search")
        .contains("Connected through jdbc:aegis:mysql://")
        .contains("AegisConnection over MySQL Connector/J")
        .contains("Grace Hopper | grace@example.com | +1 202 555 0173 | 3400 0000 0000 009 | 19.99")
        .containsPattern("Grace Hopper \\| [A-Za-z0-9+/]{16}…\\(\\d+ chars\\) \\| ")
        .contains("Equality search on the deterministic email found: Grace Hopper, +1 202 555 0173")
        .contains("LIKE on the encrypted email was refused: SQLState ZA300")
        .containsPattern("Aegis pipeline: \\d+ SQL texts intercepted, judged and encrypted")
        .contains("blocked before reaching the server: SQLState ZA100")
        .contains("tautology-or")
        .doesNotContain("NOT blocked")
        .doesNotContain("NOT refused");
    // What the plain connection printed is ciphertext: no plaintext of an encrypted column on those lines.
    output.lines().filter(line -> line.startsWith("  Grace Hopper | ") && line.contains("chars)"))
        .forEach(line -> assertThat(line).doesNotContain("grace@", "555 0173", "3400", "19.99"));
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
        .contains("Equality search on the deterministic email found")
        .contains("blocked before reaching the server");
  }
}

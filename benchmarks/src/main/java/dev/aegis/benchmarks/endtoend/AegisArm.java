package dev.aegis.benchmarks.endtoend;

import dev.aegis.cli.AegisCommand;
import dev.aegis.jdbc.AegisDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import picocli.CommandLine;

/**
 * The Aegis arm: the pool wrapped as an application would ({@code AegisDataSource.builder(pool).config(…)}),
 * detection in {@code enforce}, and the two encrypted columns of both tables: {@code email} deterministic
 * (AES-256-SIV, so equality search works) and {@code phone} randomized (AES-256-GCM). Everything else is
 * Aegis's default, schema check included (it reads information_schema at the first connect).
 */
final class AegisArm {
  static final String CONFIG = """
      keys: { master: file:master.json, keysets: file:keysets.json }
      columns:
        customers.email:     { mode: deterministic, key: pii-search }
        customers.phone:     { mode: randomized,    key: pii }
        new_customers.email: { mode: deterministic, key: pii-search }
        new_customers.phone: { mode: randomized,    key: pii }
      detection: { mode: enforce }
      """;

  /** Detection alone, nothing encrypted. */
  static final String DETECTION_CONFIG = """
      detection: { mode: enforce }
      """;

  private AegisArm() {}

  /** {@code pool} wrapped with {@link #DETECTION_CONFIG}. */
  static DataSource wrapDetectionOnly(DataSource pool, Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("aegis.yml"), DETECTION_CONFIG);
    return AegisDataSource.builder(pool).config(config.toString()).build();
  }

  /**
   * Writes the configuration into {@code dir}, creates its keys as an operator would ({@code aegis keys init
   * --config …}), and wraps {@code pool}.
   */
  static DataSource wrap(DataSource pool, Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("aegis.yml"), CONFIG);
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new AegisCommand()).setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(out, true)).execute("keys", "init", "--config", config.toString());
    if (exit != 0) {
      throw new IllegalStateException("aegis keys init failed (exit " + exit + "): " + out);
    }
    return AegisDataSource.builder(pool).config(config.toString()).build();
  }
}

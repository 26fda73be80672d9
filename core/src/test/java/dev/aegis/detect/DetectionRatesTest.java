package dev.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.config.AegisConfig;
import dev.aegis.detect.corpus.CorpusGenerator;
import dev.aegis.lexer.Lexer;
import dev.aegis.pipeline.StatementPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection and false-positive rates on the golden corpus (core/src/test/resources/corpus, provenance in
 * its README) and, where the shared corpora sit beside the project, on the Spider dev set in place.
 * Fails if detection falls below 95% of attack statements or false positives rise above 0.1% of benign
 * ones; writes the per-category table to target/detection-rates.md for docs/detection.md.
 */
class DetectionRatesTest {
  private static final double MIN_DETECTION = 0.95;
  private static final double MAX_FALSE_POSITIVES = 0.001;
  private static final Path SPIDER = Path.of("..", "..", "shared", "corpora", "spider_dev_statements.sql");

  private static StatementPipeline pipeline;

  @BeforeAll
  static void pipeline() {
    pipeline = StatementPipeline.create(AegisConfig.defaults(), new SimpleMeterRegistry());
  }

  record Row(String group, String sql) {}

  private static List<Row> corpus(String name, int sqlColumn) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = DetectionRatesTest.class.getResourceAsStream("/corpus/" + name)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", sqlColumn + 1);
        rows.add(new Row(fields[0], CorpusGenerator.unescapeField(fields[sqlColumn])));
      }
    }
    return rows;
  }

  private static Verdict.Action judge(String sql) {
    return pipeline.inspect(sql).verdict().action();
  }

  @Test
  void attacksAreBlockedAndBenignStatementsAreNot() throws IOException {
    Map<String, int[]> attacks = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (Row row : corpus("attacks.tsv", 2)) {
      int[] counts = attacks.computeIfAbsent(row.group(), g -> new int[2]);
      counts[1]++;
      if (judge(row.sql()) == Verdict.Action.BLOCK) {
        counts[0]++;
      } else if (missed.size() < 40) {
        missed.add(row.group() + ": " + row.sql());
      }
    }
    Map<String, int[]> benign = new TreeMap<>();
    List<String> falsePositives = new ArrayList<>();
    List<Row> benignRows = new ArrayList<>(corpus("benign.tsv", 1));
    if (Files.isRegularFile(SPIDER)) {
      for (String line : Files.readAllLines(SPIDER, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          benignRows.add(new Row("spider (in place)", line));
        }
      }
    }
    for (Row row : benignRows) {
      int[] counts = benign.computeIfAbsent(row.group(), g -> new int[3]);
      counts[2]++;
      Verdict.Action action = judge(row.sql());
      if (action == Verdict.Action.BLOCK) {
        counts[0]++;
        falsePositives.add(row.group() + ": " + row.sql());
      } else if (action == Verdict.Action.ALERT) {
        counts[1]++;
      }
    }
    int detected = attacks.values().stream().mapToInt(c -> c[0]).sum();
    int attackTotal = attacks.values().stream().mapToInt(c -> c[1]).sum();
    int blockedBenign = benign.values().stream().mapToInt(c -> c[0]).sum();
    int benignTotal = benign.values().stream().mapToInt(c -> c[2]).sum();
    String report = report(attacks, benign, detected, attackTotal, blockedBenign, benignTotal);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "detection-rates.md"), report + "\nMissed (first 40):\n"
        + String.join("\n", missed) + "\n\nFalse positives:\n" + String.join("\n", falsePositives) + "\n");

    assertThat((double) detected / attackTotal).as(report + "\nmissed, e.g.:\n" + String.join("\n", missed))
        .isGreaterThanOrEqualTo(MIN_DETECTION);
    assertThat((double) blockedBenign / benignTotal).as(report + "\nfalse positives:\n"
        + String.join("\n", falsePositives)).isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
  }

  private static String report(Map<String, int[]> attacks, Map<String, int[]> benign, int detected,
      int attackTotal, int blockedBenign, int benignTotal) {
    StringBuilder out = new StringBuilder("| attack category | statements | blocked | detection |\n|---|---|---|---|\n");
    attacks.forEach((group, c) -> out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f%% |%n",
        group, c[1], c[0], 100.0 * c[0] / c[1])));
    out.append(String.format(java.util.Locale.ROOT, "| **all** | %d | %d | %.1f%% |%n%n", attackTotal, detected,
        100.0 * detected / attackTotal));
    out.append("| benign family | statements | blocked (false positive) | alerted |\n|---|---|---|---|\n");
    benign.forEach((group, c) -> out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d |%n",
        group, c[2], c[0], c[1])));
    int alerted = benign.values().stream().mapToInt(c -> c[1]).sum();
    out.append(String.format(java.util.Locale.ROOT, "| **all** | %d | %d (%.2f%%) | %d (%.2f%%) |%n",
        benignTotal, blockedBenign, 100.0 * blockedBenign / benignTotal, alerted, 100.0 * alerted / benignTotal));
    return out.toString();
  }

  @Test
  void theLexerDigestsEveryCorpusStatement() throws IOException {
    for (Row row : corpus("attacks.tsv", 2)) {
      assertThat(Lexer.lex(row.sql()).digest()).isNotBlank();
    }
  }
}

package dev.aegis.detect.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden corpus files are well formed, big enough, and what {@link CorpusGenerator} produces. */
class CorpusFilesTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus");
  static final int MIN_PER_CATEGORY = 40;
  static final int MIN_ATTACKS = 1500;
  static final int MIN_PER_FAMILY = 100;
  static final int MIN_BENIGN = 3000;
  private static final Pattern SOURCE = Pattern.compile("handwritten|([\\w./-]+):(\\d+)");

  @TempDir
  Path tmp;

  @Test
  void attackFileIsWellFormed() throws IOException {
    assertThat(attackProblems(Files.readString(CORPUS.resolve("attacks.tsv")))).isEmpty();
  }

  @Test
  void benignFileIsWellFormed() throws IOException {
    assertThat(benignProblems(Files.readString(CORPUS.resolve("benign.tsv")))).isEmpty();
  }

  @Test
  void noStatementIsBothAttackAndBenign() throws IOException {
    Set<String> attacks = new HashSet<>();
    for (String[] row : rows(Files.readString(CORPUS.resolve("attacks.tsv")))) {
      attacks.add(row[2]);
    }
    List<String> both = new ArrayList<>();
    for (String[] row : rows(Files.readString(CORPUS.resolve("benign.tsv")))) {
      if (attacks.contains(row[1])) {
        both.add(row[1]);
      }
    }
    assertThat(both).isEmpty();
  }

  @Test
  void filesAreWhatTheGeneratorProduces() throws IOException {
    copyTree(CORPUS.resolve("payloads"), tmp.resolve("payloads"));
    Files.copy(CORPUS.resolve("README.md"), tmp.resolve("README.md"));

    CorpusGenerator.main(new String[] {tmp.toString()});

    for (String file : List.of("attacks.tsv", "benign.tsv", "dropped-payloads.tsv", "README.md")) {
      assertThat(Files.readString(tmp.resolve(file)))
          .as("%s is stale: rerun CorpusGenerator (see corpus/README.md)", file)
          .isEqualTo(Files.readString(CORPUS.resolve(file)));
    }
  }

  @Test
  void checksCatchBrokenAttackLines() {
    String broken = String.join("\n",
        "tautology\thandwritten",
        "no-such-category\thandwritten\tSELECT 1",
        "union\tnowhere.txt:3\tSELECT 1 UNION SELECT 2",
        "union\tlibinjection_sqli-misc.txt:99999\tSELECT 1 UNION SELECT 2",
        "stacked\thandwritten\t   ",
        "stacked\thandwritten\tSELECT 1; SELECT 2",
        "stacked\thandwritten\tSELECT 1; SELECT 2",
        "stacked\thandwritten\tbad escape \\q") + "\n";

    List<String> problems = attackProblems(broken);

    assertThat(problems).anyMatch(p -> p.contains("line 1") && p.contains("3 fields"))
        .anyMatch(p -> p.contains("unknown category no-such-category"))
        .anyMatch(p -> p.contains("no payload file nowhere.txt"))
        .anyMatch(p -> p.contains("has no line 99999"))
        .anyMatch(p -> p.contains("line 5") && p.contains("empty statement"))
        .anyMatch(p -> p.contains("line 7") && p.contains("duplicate"))
        .anyMatch(p -> p.contains("line 8") && p.contains("unknown escape"))
        .anyMatch(p -> p.contains("category tautology has 0 statements"))
        .anyMatch(p -> p.contains("attack statements in all"));
  }

  @Test
  void checksCatchBrokenBenignLines() {
    String broken = String.join("\n",
        "hibernate",
        "hibernate\tselect 1\textra",
        "orm-of-the-month\tselect 1",
        "jooq\t",
        "jooq\tselect 2",
        "jooq\tselect 2") + "\n";

    List<String> problems = benignProblems(broken);

    assertThat(problems).anyMatch(p -> p.contains("line 1") && p.contains("2 fields"))
        .anyMatch(p -> p.contains("line 2") && p.contains("2 fields"))
        .anyMatch(p -> p.contains("unknown family orm-of-the-month"))
        .anyMatch(p -> p.contains("line 4") && p.contains("empty statement"))
        .anyMatch(p -> p.contains("line 6") && p.contains("duplicate"))
        .anyMatch(p -> p.contains("family flyway has 0 statements"))
        .anyMatch(p -> p.contains("benign statements in all"));
  }

  @Test
  void escapingRoundTrips() {
    String sql = "SELECT 'O\\'Reilly', '\t', 'a\nb' -- \r\u000b\u0000 \\N";

    String escaped = CorpusGenerator.escapeField(sql);

    assertThat(escaped).doesNotContain("\t", "\n", "\r", "\u000b", "\u0000");
    assertThat(CorpusGenerator.unescapeField(escaped)).isEqualTo(sql);
  }

  // ---------------------------------------------------------------------------------------------

  static List<String> attackProblems(String content) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> perCategory = counter(CorpusGenerator.CATEGORIES);
    Set<String> seen = new HashSet<>();
    int total = 0;
    String[] lines = lines(content, problems);
    for (int i = 0; i < lines.length; i++) {
      String where = "attacks.tsv line " + (i + 1) + ": ";
      String[] f = lines[i].split("\t", -1);
      if (f.length != 3) {
        problems.add(where + "expected 3 fields (category, source, statement), found " + f.length);
        continue;
      }
      if (!perCategory.containsKey(f[0])) {
        problems.add(where + "unknown category " + f[0]);
      } else {
        perCategory.merge(f[0], 1, Integer::sum);
      }
      problems.addAll(sourceProblems(where, f[1]));
      String sql = statement(where, f[2], problems);
      if (sql != null && !seen.add(sql)) {
        problems.add(where + "duplicate statement " + f[2]);
      }
      total++;
    }
    perCategory.forEach((category, n) -> {
      if (n < MIN_PER_CATEGORY) {
        problems.add("category " + category + " has " + n + " statements, fewer than " + MIN_PER_CATEGORY);
      }
    });
    if (total < MIN_ATTACKS) {
      problems.add(total + " attack statements in all, fewer than " + MIN_ATTACKS);
    }
    return problems;
  }

  static List<String> benignProblems(String content) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> perFamily = counter(CorpusGenerator.FAMILIES);
    Set<String> seen = new HashSet<>();
    int total = 0;
    String[] lines = lines(content, problems);
    for (int i = 0; i < lines.length; i++) {
      String where = "benign.tsv line " + (i + 1) + ": ";
      String[] f = lines[i].split("\t", -1);
      if (f.length != 2) {
        problems.add(where + "expected 2 fields (family, statement), found " + f.length);
        continue;
      }
      if (!perFamily.containsKey(f[0])) {
        problems.add(where + "unknown family " + f[0]);
      } else {
        perFamily.merge(f[0], 1, Integer::sum);
      }
      String sql = statement(where, f[1], problems);
      if (sql != null && !seen.add(sql)) {
        problems.add(where + "duplicate statement " + f[1]);
      }
      total++;
    }
    perFamily.forEach((family, n) -> {
      if (n < MIN_PER_FAMILY) {
        problems.add("family " + family + " has " + n + " statements, fewer than " + MIN_PER_FAMILY);
      }
    });
    if (total < MIN_BENIGN) {
      problems.add(total + " benign statements in all, fewer than " + MIN_BENIGN);
    }
    return problems;
  }

  private static String[] lines(String content, List<String> problems) {
    if (content.contains("\r")) {
      problems.add("carriage return in file: statements must escape it as \\r");
    }
    if (!content.isEmpty() && !content.endsWith("\n")) {
      problems.add("file does not end with a newline");
    }
    if (content.isEmpty()) {
      return new String[0];
    }
    String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    return body.split("\n", -1);
  }

  private static String statement(String where, String field, List<String> problems) {
    String sql;
    try {
      sql = CorpusGenerator.unescapeField(field);
    } catch (IllegalArgumentException e) {
      problems.add(where + e.getMessage());
      return null;
    }
    if (sql.isBlank()) {
      problems.add(where + "empty statement");
      return null;
    }
    return sql;
  }

  private static List<String> sourceProblems(String where, String source) {
    Matcher m = SOURCE.matcher(source);
    if (!m.matches()) {
      return List.of(where + "source must be 'handwritten' or '<payload file>:<line>', got " + source);
    }
    if (source.equals("handwritten")) {
      return List.of();
    }
    Path file = CORPUS.resolve("payloads").resolve(m.group(1));
    if (!Files.isRegularFile(file)) {
      return List.of(where + "no payload file " + m.group(1));
    }
    try {
      long lineCount = Files.readString(file, StandardCharsets.UTF_8).lines().count();
      if (Long.parseLong(m.group(2)) > lineCount) {
        return List.of(where + m.group(1) + " has no line " + m.group(2));
      }
    } catch (IOException e) {
      return List.of(where + "cannot read " + file + ": " + e);
    }
    return List.of();
  }

  private static Map<String, Integer> counter(List<String> keys) {
    Map<String, Integer> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k, 0));
    return map;
  }

  private static List<String[]> rows(String content) {
    List<String[]> rows = new ArrayList<>();
    for (String line : content.split("\n")) {
      String[] f = line.split("\t", -1);
      for (int i = 0; i < f.length; i++) {
        f[i] = CorpusGenerator.unescapeField(f[i]);
      }
      rows.add(f);
    }
    return rows;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

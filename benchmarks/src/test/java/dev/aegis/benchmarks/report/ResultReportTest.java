package dev.aegis.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ResultReportTest {
  @TempDir Path dir;

  @Test
  void writesTheReportAndAWellFormedChartPerSection() throws Exception {
    Path json = Fixtures.write(dir, "jmh-result.json", Fixtures.suiteSampleText());
    Path out = dir.resolve("out");

    Path report = ResultReport.write(json, out);

    String markdown = Files.readString(report);
    assertThat(markdown).contains("# Benchmark results", "From `jmh-result.json`: 30 results, JMH 1.37",
        "## Overhead per statement", "## Threads", "## Cost against statement length",
        "## End to end", "## Other benchmarks", "### EncryptionBenchmark",
        "![Time each arm adds per statement over its baseline](overhead.svg)");
    // No shape-churn results: the report says so instead of failing.
    assertThat(markdown).doesNotContain("**Note:** No growth");
    assertThat(listing(out)).containsExactlyInAnyOrder("report.md", "overhead.svg", "threads.svg",
        "growth-length.svg", "endtoend.svg");

    assertThat(text(parse(out.resolve("overhead.svg")))).contains("aegisPassThrough (vs raw)",
        "aegisEnforce (vs raw)", "p6spy (vs raw)", "datasourceProxy (vs raw)",
        "aegisUniqueLiteral (vs rawUniqueLiteral)", "aegisEncrypted (vs rawEncryptedShape)", "+168 ns");
    assertThat(text(parse(out.resolve("endtoend.svg")))).contains("aegis", "shardingsphere", "pkLookup", "insert",
        "8 threads", "0.96");
    assertThat(text(parse(out.resolve("growth-length.svg")))).contains("raw", "aegis", "1 MB", "linear growth");
    assertThat(text(parse(out.resolve("threads.svg")))).contains("raw", "aegisEnforce");
  }

  @Test
  void thePlainTableForAnUnknownBenchmarkShowsItsFigures() throws IOException {
    Path report = ResultReport.write(Fixtures.write(dir, "r.json", Fixtures.suiteSampleText()), dir);

    assertThat(Files.readString(report))
        .contains("| `readPlain` | avgt | 1 | 0.893 | us/op | 0.893 | 968 |");
  }

  @Test
  void aPartMissingFromTheFileIsNotedAndItsSectionLeftOut() throws IOException {
    String onlyOverhead = Fixtures.suiteSampleText();
    // The first 9 entries are the overhead arms; cut the array after them.
    int tenth = nthEntry(onlyOverhead, 10);
    Path json = Fixtures.write(dir, "partial.json", onlyOverhead.substring(0, tenth).replaceAll(",\\s*$", "") + "\n]");

    Path report = ResultReport.write(json, dir.resolve("partial"));

    String markdown = Files.readString(report);
    assertThat(markdown).contains("## Overhead per statement")
        .contains("**Note:** No end to end results in this file: the part failed or was not run.")
        .contains("**Note:** No growth (statement length, shape churn) results in this file")
        .doesNotContain("## End to end", "## Cost against statement length");
    assertThat(listing(dir.resolve("partial"))).containsExactlyInAnyOrder("report.md", "overhead.svg");
  }

  @Test
  void theSuitesRunRecordBesideTheResultIsReported() throws IOException {
    Path json = Fixtures.write(dir, "jmh-result.json", Fixtures.suiteSampleText());
    Fixtures.write(dir, "run.json", """
        {"mode":"quick","started":"2026-11-24T10:00:00Z","elapsedSeconds":301,"jmhVersion":"1.37",
         "machine":{"availableProcessors":2,"cpuModel":"AMD EPYC","memory":"23.5 GiB",
                    "os":"Debian GNU/Linux 12 (bookworm)","loadAverageAtStart":"0.10 0.20 0.30"},
         "jvm":{"java.vm.name":"OpenJDK 64-Bit Server VM","java.vm.version":"17.0.15","java.vm.vendor":"Debian"},
         "parts":[{"name":"overhead","status":"ran","runs":[{"description":"9 trials at 1 thread"}]},
                  {"name":"growth","status":"failed","detail":"0 of 10 results"}]}
        """);

    String markdown = Files.readString(ResultReport.write(json, dir));

    assertThat(markdown).contains("Run: `quick` suite, started 2026-11-24T10:00:00Z, took 5 min 1 s.")
        .contains("Machine: 2 hardware threads, AMD EPYC, 23.5 GiB, Debian GNU/Linux 12 (bookworm)")
        .contains("Part `overhead`: ran; 9 trials at 1 thread.")
        .contains("Part `growth`: failed (0 of 10 results).")
        .contains("the machine has 2 hardware threads");
  }

  @Test
  void aFileWithNoneOfTheSuitesBenchmarksGetsPlainTablesOnly() throws IOException {
    String json = "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"x.Other.run\",\"mode\":\"avgt\",\"threads\":1,\"forks\":1,"
        + "\"params\":{\"size\":\"10\"},\"primaryMetric\":{\"score\":1234.5,\"scoreError\":12.0,\"scoreUnit\":\"ns/op\","
        + "\"scorePercentiles\":{\"50.0\":1230.0}},\"secondaryMetrics\":{}}]";

    String markdown = Files.readString(ResultReport.write(Fixtures.write(dir, "o.json", json), dir.resolve("o")));

    assertThat(markdown).contains("## Results", "### Other", "| `run` | size=10 | avgt | 1 | 1,235 ± 12 | ns/op | 1,230 | — |",
        "None of the suite's benchmarks");
    assertThat(listing(dir.resolve("o"))).containsExactly("report.md");
  }

  static Document parse(Path svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(svg.toFile());
    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    return document;
  }

  static String text(Document document) {
    return document.getDocumentElement().getTextContent();
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  private static int nthEntry(String text, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf("\n    {", at + 1);
    }
    return at;
  }
}

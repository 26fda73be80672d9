package dev.aegis.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {
  @TempDir Path dir;

  @Test
  void readsEveryEntryWithItsScoresParamsAndAllocation() throws IOException {
    JmhJson.Contents contents = JmhJson.read(Fixtures.write(dir, "r.json", Fixtures.suiteSampleText()));

    assertThat(contents.notes()).isEmpty();
    assertThat(contents.results()).hasSize(30);
    BenchmarkResult passThrough = Fixtures.named(contents.results(), "aegisPassThrough", 1);
    assertThat(passThrough.benchmark()).isEqualTo("dev.aegis.benchmarks.overhead.OverheadBenchmark.aegisPassThrough");
    assertThat(passThrough.className()).isEqualTo("dev.aegis.benchmarks.overhead.OverheadBenchmark");
    assertThat(passThrough.simpleClassName()).isEqualTo("OverheadBenchmark");
    assertThat(passThrough.mode()).isEqualTo("avgt");
    assertThat(passThrough.primary().score()).isEqualTo(180.5);
    assertThat(passThrough.primary().error()).isCloseTo(9.025, within(1e-9));
    assertThat(passThrough.primary().unit()).isEqualTo("ns/op");
    assertThat(passThrough.primary().median()).isEqualTo(180.5);
    assertThat(passThrough.allocatedPerOp()).hasValueSatisfying(m -> assertThat(m.score()).isEqualTo(96.0));
    assertThat(passThrough.settings().describe(passThrough.forks())).isEqualTo("1 fork × (1 × 1 s warm-up + 3 × 1 s)");

    BenchmarkResult pk = contents.results().stream()
        .filter(r -> r.method().equals("pkLookup") && r.threads() == 8 && r.param("driver").orElse("").equals("aegis"))
        .findFirst().orElseThrow();
    assertThat(pk.mode()).isEqualTo("thrpt");
    assertThat(pk.params()).containsEntry("driver", "aegis");
    assertThat(pk.primary().score()).isEqualTo(37_600.0);
    assertThat(pk.allocatedPerOp()).isEmpty();
  }

  @Test
  void anErrorJmhWroteAsNaNIsNoError() throws IOException {
    List<BenchmarkResult> results = Fixtures.suiteSample(dir);

    BenchmarkResult single = Fixtures.named(results, "readPlain", 1);
    assertThat(single.primary().error()).isNaN();
    assertThat(single.primary().hasError()).isFalse();
    assertThat(Figures.scoreWithError(single.primary())).isEqualTo("0.893");
  }

  @Test
  void aFileCutShortYieldsTheEntriesBeforeTheCut() throws IOException {
    String text = Fixtures.suiteSampleText();
    int cut = text.indexOf("OverheadBenchmark.aegisPassThrough");

    JmhJson.Contents contents = JmhJson.read(Fixtures.write(dir, "cut.json", text.substring(0, cut)));

    assertThat(contents.results()).extracting(BenchmarkResult::method).containsExactly("aegisEncrypted", "aegisEnforce");
    assertThat(contents.notes()).singleElement().asString().contains("cut short after 2 readable entries");
  }

  @Test
  void anUnreadableEntryIsLeftOutWithANote() throws IOException {
    String json = "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\"},"
        + "{\"benchmark\":\"a.B.d\",\"mode\":\"avgt\",\"threads\":1,"
        + "\"primaryMetric\":{\"score\":\"NaN\",\"scoreUnit\":\"ns/op\"}},"
        + "{\"benchmark\":\"a.B.e\",\"mode\":\"avgt\",\"threads\":1,"
        + "\"primaryMetric\":{\"score\":5.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"}},"
        + "{\"benchmark\":\"a.B.e\",\"mode\":\"avgt\",\"threads\":1,"
        + "\"primaryMetric\":{\"score\":6.0,\"scoreUnit\":\"ns/op\"}}]";

    JmhJson.Contents contents = JmhJson.read(Fixtures.write(dir, "odd.json", json));

    assertThat(contents.results()).extracting(BenchmarkResult::method).containsExactly("e");
    assertThat(contents.results().get(0).primary().score()).isEqualTo(5.0);
    assertThat(contents.notes()).hasSize(3);
    assertThat(contents.notes().get(0)).contains("Entry 1", "no primaryMetric");
    assertThat(contents.notes().get(1)).contains("Entry 2", "no score");
    assertThat(contents.notes().get(2)).contains("Entry 4", "repeats");
  }

  @Test
  void anEmptyFileOrArrayHasNoResultsAndSaysSo() throws IOException {
    assertThat(JmhJson.read(Fixtures.write(dir, "empty.json", "")).notes()).singleElement().asString()
        .contains("empty");
    JmhJson.Contents none = JmhJson.read(Fixtures.write(dir, "none.json", "[ ]"));
    assertThat(none.results()).isEmpty();
    assertThat(none.notes()).singleElement().asString().contains("no results");
  }
}

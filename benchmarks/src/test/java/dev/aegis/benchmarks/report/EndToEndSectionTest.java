package dev.aegis.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndToEndSectionTest {
  @TempDir Path dir;

  @Test
  void eachDriverIsRelatedToRawPerWorkloadAndThreadCount() throws IOException {
    List<EndToEndSection.Row> rows = EndToEndSection.rows(Fixtures.suiteSample(dir));

    assertThat(rows).extracting(r -> r.workload() + "@" + r.threads())
        .containsExactly("pkLookup@1", "pkLookup@8", "insert@1", "insert@8");
    assertThat(EndToEndSection.drivers(rows)).containsExactly("raw", "aegis", "shardingsphere");
    EndToEndSection.Row pkLookup = rows.get(0);
    assertThat(pkLookup.ratioToRaw("aegis")).isCloseTo(0.96, within(1e-12));
    assertThat(pkLookup.ratioToRaw("shardingsphere")).isCloseTo(0.75, within(1e-12));
    assertThat(pkLookup.ratioToRaw("raw")).isEqualTo(1.0);
    assertThat(pkLookup.ratioToRaw("nobody")).isNaN();
  }

  @Test
  void theTableAndTargetsReadTheRatios() throws IOException {
    ReportDocument doc = new ReportDocument();
    EndToEndSection.write(Fixtures.suiteSample(dir), doc);

    assertThat(doc.markdown())
        .contains("| workload | threads | raw (ops/s) | aegis (ops/s) | shardingsphere (ops/s) | aegis ÷ raw "
            + "| shardingsphere ÷ raw |")
        .contains("| `pkLookup` | 8 | 40,000 ± 2,000 | 37,600 ± 1,880 | 30,000 ± 1,500 | 0.94 | 0.75 |")
        .contains("primary-key lookup, 1 thread: Aegis at 0.96 of raw, target ≥ 0.95: **met**")
        .contains("primary-key lookup, 8 threads: Aegis at 0.94 of raw, target ≥ 0.95: **missed**")
        .contains("ahead of ShardingSphere-JDBC encrypt on every workload: **met**");
    assertThat(doc.charts()).containsKey("endtoend.svg");
  }
}

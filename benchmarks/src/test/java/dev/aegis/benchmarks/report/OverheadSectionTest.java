package dev.aegis.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverheadSectionTest {
  @TempDir Path dir;

  @Test
  void eachArmIsComparedWithItsOwnBaseline() throws IOException {
    List<OverheadSection.Arm> arms = OverheadSection.arms(Fixtures.suiteSample(dir));

    assertThat(arms).extracting(a -> a.result().method()).containsExactly("raw", "aegisPassThrough", "aegisEnforce",
        "p6spy", "datasourceProxy", "rawUniqueLiteral", "aegisUniqueLiteral", "rawEncryptedShape", "aegisEncrypted");
    assertThat(arms).extracting(OverheadSection.Arm::baselineName).containsExactly(null, "raw", "raw", "raw", "raw",
        null, "rawUniqueLiteral", null, "rawEncryptedShape");
    // The 4-thread results belong to the threads section, not here.
    assertThat(arms).allMatch(a -> a.result().threads() == 1);
  }

  @Test
  void addsIsTheArmMinusItsBaselineInTimeAndBytes() throws IOException {
    List<OverheadSection.Arm> arms = OverheadSection.arms(Fixtures.suiteSample(dir));

    OverheadSection.Arm passThrough = arm(arms, "aegisPassThrough");
    assertThat(passThrough.addedNanos()).isEqualTo(168.0);
    assertThat(passThrough.ratio()).isCloseTo(180.5 / 12.5, within(1e-12));
    assertThat(passThrough.addedBytes()).isCloseTo(95.99, within(1e-9));

    OverheadSection.Arm encrypted = arm(arms, "aegisEncrypted");
    assertThat(encrypted.addedNanos()).isEqualTo(4175.0);
    assertThat(encrypted.ratio()).isEqualTo(168.0);
    assertThat(encrypted.addedBytes()).isEqualTo(6820.0);

    assertThat(arm(arms, "aegisUniqueLiteral").addedNanos()).isEqualTo(1785.0);
    assertThat(arm(arms, "raw").addedNanos()).isNaN();
  }

  @Test
  void theTableShowsEachArmWithItsFiguresAndTheTargets() throws IOException {
    ReportDocument doc = new ReportDocument();
    OverheadSection.write(Fixtures.suiteSample(dir), doc);

    assertThat(doc.markdown())
        .contains("| `aegisPassThrough` | `raw` | 180.5 ± 9.0 | 180.5 | 96 | +168.0 | +96 | 14.4 |")
        .contains("| `aegisEncrypted` | `rawEncryptedShape` | 4,200 ± 210 | 4,200 | 6,900 | +4,175 | +6,820 | 168.0 |")
        .contains("| `raw` | — | 12.5 ± 0.6 | 12.5 | 0 | — | — | — |")
        .contains("adds 168 ns, target ≤ 300 ns: **met**")
        .contains("adds 4.18 µs, target ≤ 10 µs: **met**")
        .contains("allocation on the cache-hit path (`aegisEnforce`): adds 620 B/op")
        .contains("`aegisEnforce` adds 888 ns, P6Spy adds 248 ns: Aegis **not lower**");
    assertThat(doc.charts()).containsKey("overhead.svg");
  }

  @Test
  void aMissingBaselineIsShownAsMissingNotAsABaseline() throws IOException {
    List<BenchmarkResult> withoutRaw = Fixtures.suiteSample(dir).stream()
        .filter(r -> !r.method().equals("raw")).toList();
    ReportDocument doc = new ReportDocument();
    OverheadSection.write(withoutRaw, doc);

    assertThat(doc.markdown()).contains("| `aegisPassThrough` | `raw` (missing) | 180.5 ± 9.0 | 180.5 | 96 | — | — | — |");
  }

  private static OverheadSection.Arm arm(List<OverheadSection.Arm> arms, String method) {
    return arms.stream().filter(a -> a.result().method().equals(method)).findFirst().orElseThrow();
  }
}

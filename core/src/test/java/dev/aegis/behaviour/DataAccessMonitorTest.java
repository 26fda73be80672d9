package dev.aegis.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.config.BehaviourConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataAccessMonitorTest {
  private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
  private final BehaviourConfig config = new BehaviourConfig(100, 50_000, 3.0, 1_000, null, null, null, null);

  private void advanceSeconds(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void aPrincipalWithoutBaselineIsReportedOnceAboveTheFloorPerMinute() {
    DataAccessMonitor monitor = new DataAccessMonitor(config, false, now::get, new Profiles(null), true);
    assertThat(monitor.read("mallory", 999)).isEqualTo(-1);
    assertThat(monitor.read("mallory", 2)).isEqualTo(1_001);
    assertThat(monitor.read("mallory", 500)).as("once per minute").isEqualTo(-1);
    advanceSeconds(61);
    assertThat(monitor.read("mallory", 10)).as("the old minute slid out").isEqualTo(-1);
    assertThat(monitor.read("mallory", 1_000)).isEqualTo(1_010);
    assertThat(monitor.read("alice", 900)).as("principals are apart").isEqualTo(-1);
  }

  @Test
  void volumesOlderThanAMinuteStopCounting() {
    DataAccessMonitor monitor = new DataAccessMonitor(config, false, now::get, new Profiles(null), true);
    for (int i = 0; i < 20; i++) {
      assertThat(monitor.read("steady", 400)).isEqualTo(-1);
      advanceSeconds(30);
    }
  }

  @Test
  void learnedBaselinesRaiseTheThresholdUpToTheCapAndPersist(@TempDir Path dir) {
    ProfileStore store = new FileProfileStore(dir.resolve("profiles.json"));
    DataAccessMonitor learning = new DataAccessMonitor(config, true, now::get, new Profiles(store), true);
    assertThat(learning.read("report", 4_000)).as("learning reports nothing").isEqualTo(-1);
    assertThat(learning.read("bulk", 40_000)).isEqualTo(-1);
    assertThat(store.load().get("report").rowsPerMinute()).isEqualTo(4_000L);
    assertThat(store.load().get("bulk").rowsPerMinute()).isEqualTo(40_000L);

    DataAccessMonitor judging = new DataAccessMonitor(config, false, now::get, new Profiles(store), true);
    assertThat(judging.threshold("report")).isEqualTo(12_000);
    assertThat(judging.threshold("bulk")).as("capped by max-rows-per-minute").isEqualTo(50_000);
    assertThat(judging.threshold("stranger")).isEqualTo(1_000);
    assertThat(judging.read("report", 11_000)).isEqualTo(-1);
    assertThat(judging.read("report", 2_000)).isEqualTo(13_000);
  }

  @Test
  void withoutLearnedProfilesOnlyTheAbsoluteCapApplies() {
    DataAccessMonitor monitor = new DataAccessMonitor(config, false, now::get, new Profiles(null), false);
    assertThat(monitor.threshold("anyone")).isEqualTo(50_000);
    assertThat(monitor.read("anyone", 49_000)).isEqualTo(-1);
    assertThat(monitor.read("anyone", 2_000)).isEqualTo(51_000);
  }

  @Test
  void theStatementCapFiresOnceAsTheResultPassesIt() {
    DataAccessMonitor monitor = new DataAccessMonitor(config, false, now::get, new Profiles(null), true);
    assertThat(monitor.tooManyForOneStatement(100)).isFalse();
    assertThat(monitor.tooManyForOneStatement(101)).isTrue();
    assertThat(monitor.tooManyForOneStatement(102)).isFalse();
  }
}

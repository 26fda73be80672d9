package dev.aegis.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.lockout.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rule window: N blocked statements of one subject within the window fire it, once per burst. */
class RuleWindowTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private final ManualTime time = new ManualTime();
  private final RuleWindow window = new RuleWindow(3, TEN_MINUTES, time, 100);

  @Test
  void theThirdBlockedStatementWithinTheWindowFiresWithTheRulesOfAll() {
    assertThat(window.record("mallory", List.of("tautology-or"))).isNull();
    time.advance(Duration.ofMinutes(4));
    assertThat(window.record("mallory", List.of("union-select", "tautology-or"))).isNull();
    time.advance(Duration.ofMinutes(5));

    assertThat(window.record("mallory", List.of("unknown-shape")))
        .containsExactly("tautology-or", "union-select", "unknown-shape");
  }

  @Test
  void statementsOlderThanTheWindowNoLongerCount() {
    window.record("mallory", List.of("tautology-or"));
    window.record("mallory", List.of("tautology-or"));
    time.advance(TEN_MINUTES);

    assertThat(window.record("mallory", List.of("tautology-or"))).as("the first two are out").isNull();
    assertThat(window.count("mallory")).isEqualTo(1);
    time.advance(Duration.ofMinutes(9));
    assertThat(window.record("mallory", List.of("tautology-or"))).isNull();
    assertThat(window.record("mallory", List.of("stacked-query"))).containsExactly("tautology-or", "stacked-query");
  }

  @Test
  void justInsideTheWindowStillCounts() {
    window.record("mallory", List.of("a"));
    time.advance(TEN_MINUTES.minusNanos(1));
    window.record("mallory", List.of("b"));

    assertThat(window.record("mallory", List.of("c"))).containsExactly("a", "b", "c");
  }

  @Test
  void firingStartsTheCountAgainSoOneBurstFiresOnce() {
    IntStream.range(0, 3).forEach(i -> window.record("mallory", List.of("r")));

    assertThat(window.count("mallory")).isZero();
    assertThat(window.record("mallory", List.of("r"))).isNull();
    assertThat(window.record("mallory", List.of("r"))).isNull();
    assertThat(window.record("mallory", List.of("r"))).isNotNull();
  }

  @Test
  void subjectsAreCountedApart() {
    window.record("mallory", List.of("r"));
    window.record("mallory", List.of("r"));

    assertThat(window.record("alice", List.of("r"))).isNull();
    assertThat(window.record("Mallory", List.of("r"))).as("case matters, as in the table").isNull();
    assertThat(window.record("mallory", List.of("r"))).isNotNull();
  }

  @Test
  void oneStatementFiresWhenBlockAfterIsOne() {
    RuleWindow strict = new RuleWindow(1, TEN_MINUTES, time, 100);

    assertThat(strict.record("mallory", List.of("tautology-or"))).containsExactly("tautology-or");
  }

  @Test
  void rulesRememberedAreBounded() {
    RuleWindow many = new RuleWindow(20, TEN_MINUTES, time, 100);
    List<String> fired = null;
    for (int i = 0; i < 20; i++) {
      fired = many.record("mallory", List.of("rule-" + i));
    }

    assertThat(fired).hasSize(RuleWindow.MAX_RULES).startsWith("rule-0");
  }

  @Test
  void subjectsCountedAreBoundedAndForgottenAfterTheWindow() {
    RuleWindow small = new RuleWindow(3, TEN_MINUTES, time, 50);
    for (int i = 0; i < 500; i++) {
      small.record("10.0.0." + i, List.of("r"));
    }
    assertThat(small.size()).isLessThanOrEqualTo(50);

    time.advance(TEN_MINUTES);
    assertThat(small.size()).isZero();
  }

  @Test
  void blockAfterBelowOneIsAProgrammingError() {
    assertThatThrownBy(() -> new RuleWindow(0, TEN_MINUTES, time, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}

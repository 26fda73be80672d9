package dev.aegis.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.analysis.Analysis;
import dev.aegis.analysis.StatementAnalyzer;
import dev.aegis.config.BehaviourConfig;
import dev.aegis.lexer.Lexer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HabitChecksTest {
  private static final long TEN_UTC = TimeUnit.HOURS.toMillis(24 * 20_000 + 10);
  private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(5));
  private final AtomicLong millis = new AtomicLong(TEN_UTC);
  private final BehaviourConfig config = new BehaviourConfig(null, null, 3.0, null, null, null, 20, null);
  private final Profiles profiles = new Profiles(null);

  private static Analysis analysis(String sql) {
    return new StatementAnalyzer().analyze(Lexer.lex(sql).parseText());
  }

  private List<String> rules(HabitChecks checks, String principal, String sql) {
    return checks.check(principal, analysis(sql)).stream().map(HabitChecks.Finding::rule).toList();
  }

  @Test
  void whatWasLearnedPassesAndWhatIsNewIsReportedOncePerHour() {
    HabitChecks learning = new HabitChecks(config, true, profiles, nanos::get, millis::get);
    assertThat(rules(learning, "app", "SELECT name FROM customers WHERE id = 1")).isEmpty();
    assertThat(rules(learning, "app", "UPDATE orders SET state = 'paid' WHERE id = 2")).isEmpty();

    HabitChecks judging = new HabitChecks(config, false, profiles, nanos::get, millis::get);
    assertThat(rules(judging, "app", "SELECT name FROM customers WHERE id = 9")).isEmpty();
    assertThat(rules(judging, "app", "SELECT * FROM orders JOIN payments ON payments.order_id = orders.id"))
        .containsExactly(HabitChecks.FIRST_TABLE_USE);
    assertThat(rules(judging, "app", "SELECT * FROM payments")).as("once an hour").isEmpty();
    assertThat(rules(judging, "app", "DELETE FROM customers")).containsExactly(HabitChecks.FIRST_STATEMENT_KIND);
    assertThat(rules(judging, "app", "DROP TABLE orders")).containsExactly(HabitChecks.FIRST_STATEMENT_KIND);
    assertThat(rules(judging, "stranger", "SELECT 1")).containsExactly(HabitChecks.UNKNOWN_PRINCIPAL);
    assertThat(rules(judging, "stranger", "SELECT 1")).isEmpty();

    millis.addAndGet(TimeUnit.HOURS.toMillis(13));
    assertThat(rules(judging, "app", "SELECT name FROM customers WHERE id = 9"))
        .containsExactly(HabitChecks.UNUSUAL_HOUR);
  }

  @Test
  void aStatementRateFarAboveTheLearnedOneIsReported() {
    HabitChecks learning = new HabitChecks(config, true, profiles, nanos::get, millis::get);
    for (int i = 0; i < 10; i++) {
      learning.check("app", analysis("SELECT name FROM customers WHERE id = 1"));
    }
    HabitChecks judging = new HabitChecks(config, false, profiles, nanos::get, millis::get);
    nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
    int reported = 0;
    for (int i = 0; i < 40; i++) {
      List<HabitChecks.Finding> findings = judging.check("app", analysis("SELECT name FROM customers WHERE id = 1"));
      if (!findings.isEmpty()) {
        assertThat(findings).extracting(HabitChecks.Finding::rule).containsExactly(HabitChecks.STATEMENT_RATE);
        assertThat(i + 1).as("reported as the rate passes 3 x 10 = 30 a minute").isEqualTo(31);
        reported++;
      }
    }
    assertThat(reported).isEqualTo(1);
  }
}

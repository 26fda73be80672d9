package dev.aegis.analysis;

import static dev.aegis.analysis.Analyses.ANALYZER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node the visitors do not understand makes the statement unanalysable, naming the node. */
class FailClosedTest {

  @Test
  void unknownExpressionNodeIsNamed() {
    Analysis a = ANALYZER.analyze("SELECT * FROM customers WHERE email ~ ?");
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).contains("RegExpMatchOperator");
    assertThat(a.kind()).isEqualTo(StatementKind.SELECT);
  }

  @Test
  void unknownFromItemIsNamed() {
    Analysis a = ANALYZER.analyze("SELECT * FROM TABLE(f(?)) x WHERE x.a = ?");
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).contains("TableFunction");
  }

  @Test
  void foreignSelectClauseIsNamed() {
    Analysis a = ANALYZER.analyze("SELECT TOP 5 * FROM customers WHERE email = ?");
    assertThat(a.analysable()).isFalse();
    assertThat(a.unanalysableReason()).contains("Top");
  }
}

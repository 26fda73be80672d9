package dev.aegis.pipeline;

import dev.aegis.analysis.Analysis;
import dev.aegis.analysis.StatementAnalyzer;
import java.util.function.Function;

/** The analyser the pipeline parses statement shapes with. */
final class Analyzers {
  private static final StatementAnalyzer STANDARD = new StatementAnalyzer();

  private Analyzers() {}

  static Function<String, Analysis> standard() {
    return STANDARD::analyze;
  }
}

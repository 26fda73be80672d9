package dev.aegis.detect;

import dev.aegis.analysis.Analysis;
import java.util.List;
import java.util.Set;

/**
 * What Aegis keeps per digest: the parser's analysis and the signatures the shape carries. One entry of the
 * analysis cache; immutable, shared by every statement of that shape.
 *
 * @param analysis the parser's analysis (unanalysable when the parser could not read it)
 * @param findings signatures decided by the shape alone
 * @param constants constant predicates whose truth each statement's values decide
 */
record StatementShape(Analysis analysis, Set<Signature> findings, List<ConstantTest> constants) {
  public StatementShape {
    findings = Set.copyOf(findings);
    constants = List.copyOf(constants);
  }
}

package dev.aegis.analysis;

/**
 * Thrown by the visitors on a construct they do not understand where it could hide a column reference or
 * a placeholder; the analyser turns it into an unanalysable result. Fail closed: a skipped node would be a
 * bypass. No stack trace: it is control flow, and its message names the construct, never a value.
 */
final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Unsupported(String reason) {
    super(reason, null, false, false);
  }

  static Unsupported node(Object node) {
    return new Unsupported("unsupported " + node.getClass().getSimpleName());
  }

  static Unsupported node(Object node, String where) {
    return new Unsupported("unsupported " + node.getClass().getSimpleName() + " in " + where);
  }
}

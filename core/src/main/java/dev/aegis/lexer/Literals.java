package dev.aegis.lexer;

/** Decodes literal tokens into what they mean, following MySQL's escape rules. */
final class Literals {
  private Literals() {}

  static String decode(String sql, int start, int end, TokenType type, boolean backslashEscapes) {
    if (type == TokenType.PLACEHOLDER) {
      return null;
    }
    if (type != TokenType.STRING) {
      return sql.substring(start, end);
    }
    int quote = start;
    while (quote < end && sql.charAt(quote) != '\'' && sql.charAt(quote) != '"') {
      quote++; // skip an introducer such as _utf8mb4 or N
    }
    if (quote >= end) {
      return "";
    }
    char q = sql.charAt(quote);
    boolean closed = end - quote >= 2 && sql.charAt(end - 1) == q;
    int stop = closed ? end - 1 : end;
    StringBuilder out = new StringBuilder(stop - quote);
    for (int i = quote + 1; i < stop; i++) {
      char c = sql.charAt(i);
      if (c == '\\' && backslashEscapes && i + 1 < stop) {
        char e = sql.charAt(++i);
        out.append(switch (e) {
          case '0' -> '\0';
          case 'b' -> '\b';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'Z' -> (char) 26;
          default -> e; // \' \" \\ and, as MySQL does, any other char stands for itself (\% \_ kept below)
        });
        if (e == '%' || e == '_') {
          out.insert(out.length() - 1, '\\');
        }
      } else if (c == q && i + 1 < stop && sql.charAt(i + 1) == q) {
        out.append(q);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package dev.aegis.analysis;

import java.util.Locale;

/** Identifiers as the analysis reports them: without backticks or double quotes, lower case. */
final class Names {

  private Names() {}

  static String of(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      return null;
    }
    String name = identifier;
    int n = name.length();
    if (n >= 2) {
      char q = name.charAt(0);
      if ((q == '`' || q == '"' || q == '[') && name.charAt(n - 1) == (q == '[' ? ']' : q)) {
        name = name.substring(1, n - 1);
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }
}

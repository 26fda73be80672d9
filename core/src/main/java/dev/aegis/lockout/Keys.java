package dev.aegis.lockout;

import java.util.Locale;

/**
 * Users and addresses as tallies are keyed, logged and quoted. They come from whoever asks to log in, so
 * they are bounded in length (memory) and stripped of control characters (a user name with a line break
 * must not forge a second log line).
 */
final class Keys {
  /** MySQL user names are at most 32 characters, MariaDB's 80, host names 255: longer ones are noise. */
  static final int MAX_LENGTH = 255;

  private Keys() {}

  /** The user as the server compares it (case-sensitive), or null when the login names none. */
  static String user(String user) {
    return user == null || user.isEmpty() ? null : printable(user);
  }

  /** The address, case-folded as host names compare; "unknown" when the caller could not say. */
  static String address(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    return printable(address.strip().toLowerCase(Locale.ROOT));
  }

  private static String printable(String text) {
    int length = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = null;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(length).append(text, 0, i);
      }
      if (out != null) {
        out.append(control ? '?' : c);
      }
    }
    if (out != null) {
      return out.toString();
    }
    return length == text.length() ? text : text.substring(0, length);
  }
}

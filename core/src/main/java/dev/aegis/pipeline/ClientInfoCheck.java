package dev.aegis.pipeline;

import dev.aegis.error.AegisSqlState;
import java.sql.ClientInfoStatus;
import java.sql.SQLClientInfoException;
import java.util.Map;

/**
 * Connector/J's default {@code CommentClientInfoProvider} puts client info, unescaped, into a
 * {@code /* name=value *}{@code /} comment sent in front of every later statement. A {@code *}{@code /} in a
 * name or value would end that comment and make the rest SQL that no check ever saw, so it is refused.
 */
final class ClientInfoCheck {
  private static final String COMMENT_END = "*/";

  private ClientInfoCheck() {}

  static void check(String name, String value) throws SQLClientInfoException {
    if (contains(name) || contains(value)) {
      throw new SQLClientInfoException("Client info '" + printable(name) + "' contains '*/'. Connector/J"
          + " sends client info inside a /* … */ comment ahead of every statement, where '*/' would end the"
          + " comment and inject SQL. Remove '*/' from the name and the value.",
          AegisSqlState.CLIENT_INFO_REFUSED.code(), 0,
          Map.of(name == null ? "" : name, ClientInfoStatus.REASON_VALUE_INVALID));
    }
  }

  private static boolean contains(String text) {
    return text != null && text.contains(COMMENT_END);
  }

  /** The name as far as it is safe to echo: up to 64 characters. */
  private static String printable(String name) {
    if (name == null) {
      return "null";
    }
    return name.length() <= 64 ? name : name.substring(0, 64) + "…";
  }
}

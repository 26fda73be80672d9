package dev.aegis.analysis;

/**
 * The statement kind read from the first keywords alone: the answer when the parser cannot read a
 * statement (GRANT, LOAD DATA, …) and the cheap answer for statements that need no parse (BEGIN).
 */
final class LeadingKeywords {

  private LeadingKeywords() {}

  static StatementKind kind(String first, String second) {
    switch (first) {
      case "SELECT": case "WITH": case "TABLE": case "VALUES": case "DO":
        return StatementKind.SELECT;
      case "INSERT":
        return StatementKind.INSERT;
      case "REPLACE":
        return StatementKind.REPLACE;
      case "UPDATE":
        return StatementKind.UPDATE;
      case "DELETE":
        return StatementKind.DELETE;
      case "CREATE": case "ALTER": case "DROP": case "RENAME":
        return isAccountObject(second) ? StatementKind.ACCOUNT : StatementKind.DDL;
      case "TRUNCATE": case "INSTALL": case "UNINSTALL":
        return StatementKind.DDL;
      case "GRANT": case "REVOKE":
        return StatementKind.ACCOUNT;
      case "SET":
        return "PASSWORD".equals(second) || "DEFAULT".equals(second) ? StatementKind.ACCOUNT
            : StatementKind.SET;
      case "CALL":
        return StatementKind.CALL;
      case "BEGIN": case "START": case "COMMIT": case "ROLLBACK": case "SAVEPOINT": case "RELEASE":
      case "XA":
        return StatementKind.TRANSACTION;
      case "SHOW": case "DESCRIBE": case "DESC": case "EXPLAIN": case "USE": case "HELP":
        return StatementKind.UTILITY;
      case "LOAD":
        return StatementKind.LOAD;
      default:
        return StatementKind.OTHER;
    }
  }

  private static boolean isAccountObject(String second) {
    return "USER".equals(second) || "ROLE".equals(second);
  }
}

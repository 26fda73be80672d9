package dev.aegis.serveraudit;

import dev.aegis.serveraudit.tls.TlsObservation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link ServerFacts} over one connection. Works on MySQL 5.7/8.x and MariaDB 10.x/11.x: where they
 * differ (MariaDB's {@code mysql.user} is a view without {@code account_locked}; MySQL has components), it
 * asks what exists before reading it. What the account may not read is recorded as unreadable, never guessed.
 */
public final class ServerFactsReader {
  /** Bounds the per-account SHOW CREATE USER on servers with very many accounts. */
  static final int MAX_ACCOUNTS = 5_000;

  private ServerFactsReader() {}

  public static ServerFacts read(Connection connection, String endpoint, TlsObservation tls, AegisPosture aegis)
      throws SQLException {
    Map<String, String> unreadable = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      String version = single(statement, "SELECT VERSION()");
      String currentUser = single(statement, "SELECT CURRENT_USER()");
      Map<String, String> variables = pairs(statement, "SHOW GLOBAL VARIABLES");
      Map<String, String> status = pairs(statement, "SHOW GLOBAL STATUS LIKE 'Ssl%'");
      String sessionCipher = pairs(statement, "SHOW SESSION STATUS LIKE 'Ssl_cipher'").getOrDefault("ssl_cipher", "");
      Map<String, String> plugins = new HashMap<>();
      try (ResultSet rs = statement.executeQuery("SELECT PLUGIN_NAME, PLUGIN_STATUS FROM information_schema.PLUGINS")) {
        while (rs.next()) {
          plugins.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
        }
      }
      List<String> components = components(statement);
      List<Account> accounts = null;
      try {
        accounts = accounts(statement);
      } catch (SQLException e) {
        unreadable.put("accounts", "cannot read mysql.user (" + e.getMessage() + "); run the audit as an"
            + " administrator or GRANT SELECT ON mysql.* to the auditing account");
      }
      List<ServerFacts.Grant> globalGrants = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(
          "SELECT GRANTEE, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.USER_PRIVILEGES")) {
        while (rs.next()) {
          globalGrants.add(new ServerFacts.Grant(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT),
              "YES".equalsIgnoreCase(rs.getString(3))));
        }
      }
      List<ServerFacts.SchemaGrant> schemaGrants = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(
          "SELECT GRANTEE, TABLE_SCHEMA, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES")) {
        while (rs.next()) {
          schemaGrants.add(new ServerFacts.SchemaGrant(rs.getString(1), rs.getString(2),
              rs.getString(3).toUpperCase(Locale.ROOT)));
        }
      }
      if (accounts != null && globalGrants.stream().map(ServerFacts.Grant::grantee).distinct().count() <= 1
          && accounts.size() > 1) {
        // information_schema shows only the auditing account's own privileges to an account without
        // SELECT on the mysql schema: the privilege checks would see nothing to find.
        unreadable.put("grants", "information_schema.USER_PRIVILEGES shows only the auditing account's own"
            + " privileges; run the audit as an administrator or GRANT SELECT ON mysql.* to it");
      }
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SHOW DATABASES")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      return new ServerFacts(endpoint, version, variables, status, plugins, components, accounts, globalGrants,
          schemaGrants, schemas, currentUser, !sessionCipher.isEmpty(), tls, unreadable, aegis);
    }
  }

  private static List<String> components(Statement statement) {
    List<String> components = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SELECT component_urn FROM mysql.component")) {
      while (rs.next()) {
        components.add(rs.getString(1));
      }
    } catch (SQLException e) {
      // MariaDB and MySQL 5.7 have no components; an account without SELECT on mysql sees none either.
    }
    return components;
  }

  private static List<Account> accounts(Statement statement) throws SQLException {
    Set<String> columns = new java.util.HashSet<>();
    try (ResultSet rs = statement.executeQuery("SELECT * FROM mysql.user WHERE 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
    }
    String password = columns.contains("password") ? ", Password" : ", ''";
    String lockColumn = columns.contains("account_locked") ? ", account_locked" : ", 'N'";
    String role = columns.contains("is_role") ? " WHERE is_role <> 'Y'" : "";
    List<Account> accounts = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SELECT User, Host, plugin, authentication_string" + password
        + lockColumn + ", ssl_type FROM mysql.user" + role + " ORDER BY User, Host")) {
      while (rs.next() && rows.size() < MAX_ACCOUNTS) {
        rows.add(new String[] {rs.getString(1), rs.getString(2), nullToEmpty(rs.getString(3)),
            nullToEmpty(rs.getString(4)), nullToEmpty(rs.getString(5)), rs.getString(6), nullToEmpty(rs.getString(7))});
      }
    }
    for (String[] row : rows) {
      String user = row[0];
      String host = row[1];
      boolean hasPassword = !row[3].isEmpty() || !row[4].isEmpty();
      boolean locked = "Y".equalsIgnoreCase(row[5]);
      String plugin = row[2];
      if (!columns.contains("account_locked") || plugin.isEmpty()) {
        // MariaDB keeps the lock and the plugin in mysql.global_priv, which SHOW CREATE USER renders.
        String create = showCreateUser(statement, user, host);
        if (create != null) {
          String upper = create.toUpperCase(Locale.ROOT);
          locked = locked || upper.contains("ACCOUNT LOCK");
          if (plugin.isEmpty()) {
            plugin = "mysql_native_password";
          }
        }
      }
      // MariaDB's 'invalid' hash (root@localhost VIA unix_socket) matches no password: it is not an open door.
      accounts.add(new Account(user, host, plugin, hasPassword, locked, row[6]));
    }
    return accounts;
  }

  private static String showCreateUser(Statement statement, String user, String host) {
    try (ResultSet rs = statement.executeQuery("SHOW CREATE USER " + quote(user) + "@" + quote(host))) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Map<String, String> pairs(Statement statement, String sql) throws SQLException {
    Map<String, String> values = new HashMap<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        // NULL and '' differ: a NULL secure_file_priv forbids file access, '' allows every directory.
        values.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2) == null ? "NULL" : rs.getString(2));
      }
    }
    return values;
  }
}

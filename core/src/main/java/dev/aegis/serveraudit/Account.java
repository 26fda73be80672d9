package dev.aegis.serveraudit;

import java.util.Locale;
import java.util.Set;

/**
 * One account of the server as the audit sees it: never its password or hash, only whether there is one.
 *
 * @param plugin the authentication plugin ({@code mysql_native_password}, {@code caching_sha2_password}, …)
 * @param hasPassword whether a password (or another credential the plugin checks) is set
 * @param locked whether the account is locked, so nobody can log in as it
 * @param sslType {@code ""}, {@code ANY}, {@code X509} or {@code SPECIFIED}: what TLS it must log in with
 */
public record Account(String user, String host, String plugin, boolean hasPassword, boolean locked,
    String sslType) {
  /** Plugins that check something other than a password: no password is not an open door for them. */
  private static final Set<String> PASSWORDLESS_PLUGINS = Set.of("unix_socket", "auth_socket", "gssapi",
      "authentication_ldap_sasl", "authentication_kerberos", "authentication_pam", "pam", "authentication_windows",
      "auth_pam", "named_pipe", "authentication_fido", "authentication_webauthn", "authentication_openid_connect");
  /** Accounts the server creates for itself, locked and without a login. */
  private static final Set<String> SYSTEM_USERS = Set.of("mariadb.sys", "mysql.sys", "mysql.session",
      "mysql.infoschema");

  /** {@code 'user'@'host'}, as {@code information_schema} and GRANT write it. */
  public String grantee() {
    return "'" + user + "'@'" + host + "'";
  }

  public boolean anonymous() {
    return user.isEmpty();
  }

  public boolean system() {
    return SYSTEM_USERS.contains(user);
  }

  /**
   * A host pattern that admits more than one machine: {@code %}, {@code 10.0.%}, {@code %.example.com}, a
   * netmask; {@code _} matches any one character in a host, as in LIKE.
   */
  public boolean wildcardHost() {
    return host.contains("%") || host.contains("_") || host.contains("/");
  }

  /** Reachable only from the server's own machine. */
  public boolean localOnly() {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1");
  }

  /** Whoever knows the name can log in: no password, and a plugin that would check one. */
  public boolean openWithoutPassword() {
    return !locked && !hasPassword && !PASSWORDLESS_PLUGINS.contains(plugin.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return grantee();
  }
}

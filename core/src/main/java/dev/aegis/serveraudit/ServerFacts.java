package dev.aegis.serveraudit;

import dev.aegis.serveraudit.tls.TlsObservation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the checks look at, read from the server once. Checks are pure functions of it, so each can
 * be tested without a server and an audit sends a fixed, small set of queries whatever the catalogue holds.
 *
 * @param endpoint {@code host:port} the audit connected to
 * @param variables global variables, names in lower case
 * @param status global status values, names in lower case
 * @param plugins installed plugins, name in lower case to status ({@code ACTIVE}, …)
 * @param components MySQL components ({@code file://component_validate_password}); empty on MariaDB
 * @param accounts the accounts; null when they could not be read ({@code unreadable} says why)
 * @param globalGrants privileges on {@code *.*}, by grantee ({@code 'user'@'host'})
 * @param schemaGrants privileges on whole schemas
 * @param currentUser the account the audit runs as, {@code user@host} as CURRENT_USER() gives it
 * @param sessionTls whether the audit's own connection is encrypted
 * @param tls what a TLS handshake showed; null when no probe ran
 * @param unreadable fact group ({@code accounts}, {@code grants}) to the reason it could not be read
 * @param aegis the application's own Aegis posture; null when no Aegis configuration was given
 */
public record ServerFacts(String endpoint, String version, Map<String, String> variables,
    Map<String, String> status, Map<String, String> plugins, List<String> components, List<Account> accounts,
    List<Grant> globalGrants, List<SchemaGrant> schemaGrants, List<String> schemas, String currentUser,
    boolean sessionTls, TlsObservation tls, Map<String, String> unreadable, AegisPosture aegis) {

  public ServerFacts {
    variables = Map.copyOf(variables);
    status = Map.copyOf(status);
    plugins = Map.copyOf(plugins);
    components = List.copyOf(components);
    accounts = accounts == null ? null : List.copyOf(accounts);
    globalGrants = List.copyOf(globalGrants);
    schemaGrants = List.copyOf(schemaGrants);
    schemas = List.copyOf(schemas);
    unreadable = Map.copyOf(unreadable);
  }

  /** A privilege on {@code *.*}. */
  public record Grant(String grantee, String privilege, boolean grantable) {}

  /** A privilege on one schema pattern ({@code test}, {@code test\_%}). */
  public record SchemaGrant(String grantee, String schema, String privilege) {}

  public boolean mariadb() {
    return version.toLowerCase(Locale.ROOT).contains("mariadb");
  }

  /** The version as numbers: {@code 10.11.5-MariaDB} gives [10, 11, 5]. */
  public int[] versionNumbers() {
    String[] parts = version.replaceAll("[^0-9.].*$", "").split("\\.");
    int[] numbers = new int[3];
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      numbers[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
    }
    return numbers;
  }

  /** At least {@code major.minor.patch}. */
  public boolean atLeast(int major, int minor, int patch) {
    int[] v = versionNumbers();
    return v[0] != major ? v[0] > major : v[1] != minor ? v[1] > minor : v[2] >= patch;
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
  }

  /** ON, 1, YES and TRUE are on; anything else, or an unknown variable, is off. */
  public boolean on(String name) {
    return variable(name).map(v -> v.equalsIgnoreCase("ON") || v.equals("1") || v.equalsIgnoreCase("YES")
        || v.equalsIgnoreCase("TRUE") || v.equalsIgnoreCase("FORCE_PLUS_PERMANENT")).orElse(false);
  }

  /** The account CURRENT_USER() names, as {@code 'user'@'host'}. */
  public String currentGrantee() {
    int at = currentUser.lastIndexOf('@');
    return at < 0 ? "'" + currentUser + "'@''"
        : "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
  }

  public boolean pluginActive(String name) {
    return "ACTIVE".equalsIgnoreCase(plugins.get(name.toLowerCase(Locale.ROOT)));
  }
}

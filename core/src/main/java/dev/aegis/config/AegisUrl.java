package dev.aegis.config;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:aegis:} URL split into the delegate's URL and Aegis's own settings.
 *
 * <p>{@code jdbc:aegis:mysql://h:3306/db?aegis.config=/etc/aegis.yml&useSSL=true} becomes the delegate URL
 * {@code jdbc:mysql://h:3306/db?useSSL=true} and the setting {@code aegis.config}. Everything the delegate
 * owns (hosts, failover lists, replication and load-balancing schemes, its own parameters) is handed over
 * byte for byte; only {@code aegis.*} parameters are removed.
 *
 * @param delegateUrl the URL for the delegate driver, starting with {@code jdbc:}
 * @param settings Aegis settings found in the URL's query, URL-decoded, in the order given
 */
public record AegisUrl(String delegateUrl, Map<String, String> settings) {
  public static final String PREFIX = "jdbc:aegis:";
  public static final String SETTING_PREFIX = "aegis.";
  public static final String CONFIG_SETTING = "aegis.config";
  /** Every setting Aegis reads from a URL or connection properties; anything else under aegis. is a typo. */
  public static final Set<String> KNOWN_SETTINGS = Set.of(CONFIG_SETTING);
  /** The delegate's scheme before {@code //}: mysql:, mysql:replication:, mysql+srv:loadbalance:, … */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*(?::[A-Za-z0-9+.-]+)*:");
  /** A user:password@ in front of each host of an authority (failover lists have several). */
  private static final Pattern USER_INFO = Pattern.compile("[^,()\\[\\]@?]*@");
  /** password=… in the key-value host forms address=(host=h)(password=p) and [(host=h,password=p)]. */
  private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile("(?i)(password\\d*=)[^,)&?]*");

  public AegisUrl {
    settings = Map.copyOf(settings);
  }

  /** Whether the URL is meant for Aegis. Malformed Aegis URLs are accepted here so connect can explain them. */
  public static boolean isAegisUrl(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * Parses an Aegis URL.
   *
   * @throws AegisConfigurationException with {@link AegisSqlState#INVALID_URL} when the URL is malformed
   * @throws IllegalArgumentException when the URL does not start with {@value #PREFIX} (a caller's bug)
   */
  public static AegisUrl parse(String url) throws AegisConfigurationException {
    if (!isAegisUrl(url)) {
      throw new IllegalArgumentException("not an Aegis URL: it must start with " + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    if (rest.isBlank()) {
      throw invalid(url, "nothing follows 'jdbc:aegis:'. Append the MySQL URL without its 'jdbc:' prefix,"
          + " for example jdbc:aegis:mysql://localhost:3306/app");
    }
    if (rest.startsWith("jdbc:")) {
      throw invalid(url, "it repeats 'jdbc:'. Write jdbc:aegis:mysql://…, not jdbc:aegis:jdbc:mysql://…");
    }
    int authority = rest.indexOf("//");
    if (authority < 0 || !SCHEME.matcher(rest).region(0, authority).matches()) {
      throw invalid(url, "expected a delegate URL of the form <subprotocol>://host[:port]/database after"
          + " 'jdbc:aegis:', for example jdbc:aegis:mysql://localhost:3306/app");
    }
    int query = rest.indexOf('?', authority);
    if (query < 0) {
      return new AegisUrl("jdbc:" + rest, Map.of());
    }
    // Connector/J ends the query at '#'; what follows is a fragment it ignores, handed over as it is.
    int fragment = rest.indexOf('#', query);
    int queryEnd = fragment < 0 ? rest.length() : fragment;
    StringBuilder delegate = new StringBuilder(rest.length() + 5).append("jdbc:").append(rest, 0, query);
    Map<String, String> settings = new LinkedHashMap<>();
    char separator = '?';
    for (String parameter : rest.substring(query + 1, queryEnd).split("&", -1)) {
      int equals = parameter.indexOf('=');
      String name = decode(url, equals < 0 ? parameter : parameter.substring(0, equals));
      if (!isAegisSetting(name)) {
        if (!parameter.isEmpty()) {
          delegate.append(separator).append(parameter);
          separator = '&';
        }
        continue;
      }
      String value = equals < 0 ? "" : decode(url, parameter.substring(equals + 1));
      checkSetting(name, value, "the URL");
      if (settings.putIfAbsent(name, value) != null) {
        throw invalid(url, "'" + name + "' is given twice; keep one");
      }
    }
    delegate.append(rest, queryEnd, rest.length());
    return new AegisUrl(delegate.toString(), settings);
  }

  /**
   * Whether a parameter or property name belongs to Aegis. Case-insensitive, so that {@code AEGIS.CONFIG}
   * is refused as a misspelling instead of reaching the delegate and leaving the connection unconfigured.
   */
  static boolean isAegisSetting(String name) {
    return name.regionMatches(true, 0, SETTING_PREFIX, 0, SETTING_PREFIX.length());
  }

  /**
   * Rejects unknown or empty Aegis settings.
   *
   * @param where where the setting came from, for the message ("the URL", "the connection properties")
   */
  static void checkSetting(String name, String value, String where) throws AegisConfigurationException {
    if (!KNOWN_SETTINGS.contains(name)) {
      throw new AegisConfigurationException(AegisSqlState.INVALID_URL, "Unknown Aegis setting '" + name
          + "' in " + where + ". Known settings: " + String.join(", ", KNOWN_SETTINGS) + ".");
    }
    if (value == null || value.isBlank()) {
      throw new AegisConfigurationException(AegisSqlState.INVALID_URL, "Aegis setting '" + name + "' in "
          + where + " has no value. Give a file path or classpath:NAME, or remove it.");
    }
  }

  private static String decode(String url, String text) throws AegisConfigurationException {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(url, "a parameter is not valid URL encoding (" + e.getMessage() + ")");
    }
  }

  private static AegisConfigurationException invalid(String url, String problem) {
    return new AegisConfigurationException(AegisSqlState.INVALID_URL,
        "Invalid Aegis URL '" + redact(url) + "': " + problem + ".");
  }

  /** Hides credentials and parameter values (a password may be one) when a URL is quoted in a message. */
  public static String redact(String url) {
    int authority = url.indexOf("//");
    int query = url.indexOf('?');
    if (authority >= 0 && (query < 0 || authority < query)) {
      int end = query < 0 ? url.length() : query;
      String hosts = url.substring(authority + 2, end);
      hosts = USER_INFO.matcher(hosts).replaceAll("…@");
      hosts = KEY_VALUE_PASSWORD.matcher(hosts).replaceAll("$1…");
      url = url.substring(0, authority + 2) + hosts + url.substring(end);
      query = url.indexOf('?');
    } else {
      // No authority (a malformed URL such as mysql:/user:pw@host): hide whatever stands before an '@'.
      int end = query < 0 ? url.length() : query;
      url = USER_INFO.matcher(url.substring(0, end)).replaceAll("…@") + url.substring(end);
      query = url.indexOf('?');
    }
    if (query < 0) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.length()).append(url, 0, query + 1);
    String[] parameters = url.substring(query + 1).split("&", -1);
    for (int i = 0; i < parameters.length; i++) {
      int equals = parameters[i].indexOf('=');
      out.append(i == 0 ? "" : "&").append(equals < 0 ? parameters[i] : parameters[i].substring(0, equals) + "=…");
    }
    return out.toString();
  }
}

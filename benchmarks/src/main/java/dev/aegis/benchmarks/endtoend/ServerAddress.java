package dev.aegis.benchmarks.endtoend;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the end-to-end benchmark's MySQL-compatible server listens and how to log in: host and port,
 * credentials, and the Connector/J parameters every arm's URL carries. Each arm works in a database of its
 * own on that server, so the database named in a given URL is not used.
 */
public record ServerAddress(String host, int port, String user, String password, Map<String, String> parameters) {
  /** A {@code jdbc:mysql://host:port/db?…} URL for the benchmark: {@code -Daegis.bench.jdbcUrl=…}. */
  public static final String URL_PROPERTY = "aegis.bench.jdbcUrl";
  /** Credentials when the URL does not carry them (a URL's {@code user=}/{@code password=} lose to these). */
  public static final String USER_PROPERTY = "aegis.bench.user";
  public static final String PASSWORD_PROPERTY = "aegis.bench.password";

  /**
   * Parameters every arm's URL gets unless the given URL sets them: no TLS on loopback (the same for all arms,
   * and the embedded server has no certificate), and batches sent as multi-row INSERTs, as an application
   * that batches inserts on MySQL configures Connector/J.
   */
  static final Map<String, String> DEFAULT_PARAMETERS =
      Map.of("sslMode", "DISABLED", "rewriteBatchedStatements", "true");

  private static final Pattern MYSQL_URL = Pattern.compile("jdbc:mysql://([^:/?,]+)(?::(\\d+))?(?:/([^?]*))?(?:\\?(.*))?");

  public ServerAddress {
    parameters = Map.copyOf(parameters);
  }

  /** The server the system properties name, if any. */
  public static Optional<ServerAddress> fromSystemProperties() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(url.trim(), System.getProperty(USER_PROPERTY), System.getProperty(PASSWORD_PROPERTY)));
  }

  /** Reads a {@code jdbc:mysql://} URL; {@code user} and {@code password}, when not null, win over the URL's. */
  public static ServerAddress parse(String url, String user, String password) {
    Matcher m = MYSQL_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(URL_PROPERTY + " must look like jdbc:mysql://HOST:PORT/DATABASE?user=…"
          + "&password=…, got something else (not shown: it may hold a password)");
    }
    Map<String, String> parameters = new LinkedHashMap<>(DEFAULT_PARAMETERS);
    if (m.group(4) != null) {
      for (String pair : m.group(4).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    String urlUser = parameters.remove("user");
    String urlPassword = parameters.remove("password");
    return new ServerAddress(m.group(1), m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)),
        user != null ? user : urlUser, password != null ? password : (urlPassword == null ? "" : urlPassword),
        parameters);
  }

  /** Connector/J's URL for {@code database} on this server, without the credentials. */
  public String url(String database) {
    StringBuilder url = new StringBuilder("jdbc:mysql://").append(host).append(':').append(port).append('/')
        .append(database);
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
      separator = '&';
    }
    return url.toString();
  }

  /** The URL with the credentials in it, the form {@link #URL_PROPERTY} takes. */
  public String urlWithCredentials(String database) {
    String url = url(database);
    return url + (url.contains("?") ? "&" : "?") + "user=" + encode(user) + "&password=" + encode(password);
  }

  @Override
  public String toString() {
    return "ServerAddress[" + host + ':' + port + ", user " + user + ", parameters " + parameters + ']';
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

package dev.aegis.lockout;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database user a connect names, found where Connector/J looks for it, in the same order: the first
 * host's own user ({@code user:password@host}, {@code address=(host=h)(user=u)}, {@code (host=h,user=u)}),
 * then the {@code user} connection property, then the {@code user} URL parameter. Aegis reads it without
 * Connector/J's classes, which it only has at run time.
 */
public final class LoginUser {
  private static final Pattern KEY_VALUE_USER = Pattern.compile("(?i)[(,]\\s*user\\s*=\\s*([^,)]*)");

  private LoginUser() {}

  /**
   * @param url the delegate's URL ({@code jdbc:mysql://…})
   * @param properties the connection properties, or null
   * @return the user, or null when the connect names none
   */
  public static String of(String url, Properties properties) {
    int authority = url == null ? -1 : url.indexOf("//");
    if (authority < 0) {
      return fromProperties(properties);
    }
    int start = authority + 2;
    int depth = 0;
    int firstHostEnd = -1;
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '/' || c == '?')) {
        end = i;
        break;
      } else if (depth == 0 && c == ',' && firstHostEnd < 0) {
        firstHostEnd = i;
      }
    }
    String host = url.substring(start, firstHostEnd < 0 ? end : firstHostEnd);
    String user = fromHost(host);
    if (user == null) {
      user = fromProperties(properties);
    }
    if (user == null) {
      int query = url.indexOf('?', end);
      user = query < 0 ? null : fromQuery(url.substring(query + 1));
    }
    return user;
  }

  private static String fromHost(String host) {
    int at = host.lastIndexOf('@');
    if (at >= 0 && host.indexOf('(') < 0) {
      String info = host.startsWith("[") ? host.substring(1, at) : host.substring(0, at);
      int colon = info.indexOf(':');
      return decode(colon < 0 ? info : info.substring(0, colon));
    }
    Matcher m = KEY_VALUE_USER.matcher(host);
    return m.find() ? decode(m.group(1).strip()) : null;
  }

  private static String fromProperties(Properties properties) {
    if (properties == null) {
      return null;
    }
    String exact = properties.getProperty("user");
    if (exact != null) {
      return exact;
    }
    for (String name : properties.stringPropertyNames()) {
      if (name.equalsIgnoreCase("user")) {
        return properties.getProperty(name);
      }
    }
    return null;
  }

  private static String fromQuery(String query) {
    int fragment = query.indexOf('#');
    String found = null;
    for (String parameter : (fragment < 0 ? query : query.substring(0, fragment)).split("&")) {
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase("user")) {
        found = decode(parameter.substring(equals + 1)); // the last one given wins, as in Connector/J
      }
    }
    return found;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}

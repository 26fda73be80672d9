package dev.aegis.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a resource lives: {@code file:PATH}, {@code env:VAR} or {@code jdbc} (an {@code aegis_*} table in the
 * application's own database). Each setting accepts only the schemes that make sense for it; a relative
 * {@code file:} path is resolved against the configuration file's directory when the resource is opened.
 *
 * @param scheme how to reach the resource
 * @param target the path or variable name; empty for {@code jdbc}
 */
public record Location(Scheme scheme, String target) {

  /** The kinds of location. */
  public enum Scheme {
    FILE("file:PATH"),
    ENV("env:VAR"),
    JDBC("jdbc");

    private final String syntax;

    Scheme(String syntax) {
      this.syntax = syntax;
    }

    public String syntax() {
      return syntax;
    }
  }

  public Location {
    if (scheme == null || target == null) {
      throw new IllegalArgumentException("scheme and target are required");
    }
  }

  /**
   * Parses {@code text}, accepting only the {@code allowed} schemes.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static Location parse(String text, Set<Scheme> allowed) {
    String trimmed = text.strip();
    Location parsed = null;
    if (trimmed.startsWith("file:") && trimmed.length() > 5) {
      parsed = new Location(Scheme.FILE, trimmed.substring(5));
    } else if (trimmed.startsWith("env:") && trimmed.length() > 4) {
      parsed = new Location(Scheme.ENV, trimmed.substring(4));
    } else if (trimmed.equals("jdbc")) {
      parsed = new Location(Scheme.JDBC, "");
    }
    if (parsed == null || !allowed.contains(parsed.scheme())) {
      throw new IllegalArgumentException("'" + text + "' is not a valid location here; use "
          + allowed.stream().map(Scheme::syntax).collect(Collectors.joining(" or ")));
    }
    return parsed;
  }

  @Override
  public String toString() {
    return scheme == Scheme.JDBC ? "jdbc" : scheme.name().toLowerCase(java.util.Locale.ROOT) + ":" + target;
  }

  /** Reads a location at the YAML value, so a wrong scheme is reported at its own line. */
  abstract static class Deserializer extends StdScalarDeserializer<Location> {
    private static final long serialVersionUID = 1L;
    private final Set<Scheme> allowed;

    Deserializer(Set<Scheme> allowed) {
      super(Location.class);
      this.allowed = allowed;
    }

    @Override
    public Location deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Location) context.handleUnexpectedToken(Location.class, parser);
      }
      String text = parser.getText();
      try {
        return parse(text, allowed);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(parser, e.getMessage(), text, Location.class);
      }
    }
  }

  /** The master key: a Tink keyset file or an environment variable. */
  static final class MasterKey extends Deserializer {
    private static final long serialVersionUID = 1L;

    MasterKey() {
      super(EnumSet.of(Scheme.FILE, Scheme.ENV));
    }
  }

  /** Stores shared by a fleet: a file or a table in the application's database. */
  static final class FileOrJdbc extends Deserializer {
    private static final long serialVersionUID = 1L;

    FileOrJdbc() {
      super(EnumSet.of(Scheme.FILE, Scheme.JDBC));
    }
  }
}

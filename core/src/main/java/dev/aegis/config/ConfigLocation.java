package dev.aegis.config;

import java.nio.file.Path;

/**
 * Where the Aegis configuration comes from: a file path or {@code classpath:NAME}, and which source named it.
 *
 * @param value the path or {@code classpath:NAME} as given
 * @param origin the source that gave it, so messages can say where to fix it
 */
public record ConfigLocation(String value, Origin origin) {
  public static final String CLASSPATH_PREFIX = "classpath:";
  public static final String ENVIRONMENT_VARIABLE = "AEGIS_CONFIG";

  /** The sources of {@code aegis.config}, in the order the first one found wins. */
  public enum Origin {
    URL_PARAMETER("URL parameter aegis.config"),
    CONNECTION_PROPERTY("connection property aegis.config"),
    SYSTEM_PROPERTY("system property aegis.config"),
    ENVIRONMENT_VARIABLE("environment variable " + ConfigLocation.ENVIRONMENT_VARIABLE),
    PROGRAMMATIC("AegisDataSource builder"),
    COMMAND_LINE("--config option");

    private final String description;

    Origin(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  public ConfigLocation {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a configuration location needs a path or classpath:NAME");
    }
    if (origin == null) {
      throw new IllegalArgumentException("origin is required");
    }
  }

  public boolean isClasspath() {
    return value.startsWith(CLASSPATH_PREFIX);
  }

  /** The file a non-classpath location names, with an optional {@code file:} prefix removed. */
  public Path filePath() {
    return Path.of(value.startsWith("file:") ? value.substring(5) : value);
  }

  /** What a message should call this location: "aegis.yml (from system property aegis.config)". */
  public String describe() {
    return value + " (from " + origin + ")";
  }
}

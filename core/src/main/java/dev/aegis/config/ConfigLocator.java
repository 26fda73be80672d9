package dev.aegis.config;

import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds which configuration applies to a connection. First found wins: the URL parameter
 * {@code aegis.config}, the connection property {@code aegis.config}, the system property
 * {@code aegis.config}, the environment variable {@code AEGIS_CONFIG}.
 */
public final class ConfigLocator {
  private final UnaryOperator<String> systemProperties;
  private final UnaryOperator<String> environment;

  /** Reads the real system properties and environment. */
  public static ConfigLocator fromSystem() {
    return new ConfigLocator(System::getProperty, System::getenv);
  }

  /** For tests and embedders that keep their own notion of "system" and "environment". */
  public ConfigLocator(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /**
   * @param urlValue the URL parameter's value, or null
   * @param propertyValue the connection property's value, or null
   * @return the location, or empty when no source names one (Aegis then passes statements through)
   */
  public Optional<ConfigLocation> locate(String urlValue, String propertyValue)
      throws AegisConfigurationException {
    if (urlValue != null) {
      return Optional.of(checked(urlValue, ConfigLocation.Origin.URL_PARAMETER));
    }
    if (propertyValue != null) {
      return Optional.of(checked(propertyValue, ConfigLocation.Origin.CONNECTION_PROPERTY));
    }
    String system = systemProperties.apply(AegisUrl.CONFIG_SETTING);
    if (system != null) {
      return Optional.of(checked(system, ConfigLocation.Origin.SYSTEM_PROPERTY));
    }
    String env = environment.apply(ConfigLocation.ENVIRONMENT_VARIABLE);
    if (env != null) {
      return Optional.of(checked(env, ConfigLocation.Origin.ENVIRONMENT_VARIABLE));
    }
    return Optional.empty();
  }

  private static ConfigLocation checked(String value, ConfigLocation.Origin origin)
      throws AegisConfigurationException {
    // An empty value is a mistake in a deployment script, not a request for "no configuration".
    if (value.isBlank()) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "The " + origin
          + " is set but empty. Give a file path or classpath:NAME, or unset it to run without configuration.");
    }
    return new ConfigLocation(value.strip(), origin);
  }
}

package dev.aegis.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a YAML configuration into an {@link AegisConfig}, strictly: an unknown setting, a wrong type, a
 * duplicate key or an invalid value is an {@link AegisConfigurationException} naming the file, the line
 * and the setting, because a typo in a security configuration must not silently leave data unprotected.
 */
public final class ConfigReader {
  private static final ObjectReader READER = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      // YAML 1.1 reads on/off/yes/no as booleans, so "mode: off" would not mean detection mode off.
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build()
      .readerFor(AegisConfig.class);

  private ConfigReader() {}

  /** Reads the configuration at {@code location}. */
  public static AegisConfig read(ConfigLocation location) throws AegisConfigurationException {
    String value = location.value();
    if (location.isClasspath()) {
      String name = value.substring(ConfigLocation.CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
      URL resource = findResource(name);
      if (resource == null) {
        throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "Aegis configuration "
            + location.describe() + " is not on the class path. Put " + name
            + " in src/main/resources (or another class path root), or give a file path instead.");
      }
      try (InputStream in = resource.openStream()) {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location.describe());
      } catch (IOException e) {
        throw unreadable(location, e);
      }
    }
    Path path = location.filePath();
    if (!Files.isRegularFile(path)) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "Aegis configuration file "
          + path.toAbsolutePath() + " (from " + location.origin() + ") "
          + (Files.exists(path) ? "is not a regular file" : "does not exist")
          + ". Create it, or point aegis.config / AEGIS_CONFIG at the right path"
          + " (relative paths start from " + Path.of("").toAbsolutePath() + ").");
    }
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toAbsolutePath() + "");
    } catch (IOException e) {
      throw unreadable(location, e);
    }
  }

  /**
   * Parses YAML text.
   *
   * @param source what to call the text in messages (the file name)
   */
  public static AegisConfig parse(String yaml, String source) throws AegisConfigurationException {
    if (yaml.isBlank()) {
      return AegisConfig.defaults();
    }
    try (JsonParser parser = READER.createParser(yaml)) {
      if (parser.nextToken() == null) {
        return AegisConfig.defaults(); // only comments: as empty as an empty file
      }
      AegisConfig config = READER.readValue(parser);
      return config == null ? AegisConfig.defaults() : config;
    } catch (JacksonException e) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID,
          "Invalid Aegis configuration " + ConfigProblem.describe(e, source, yaml), e);
    } catch (IOException e) {
      throw new AegisConfigurationException(AegisSqlState.CONFIG_INVALID,
          "Invalid Aegis configuration " + source + ": " + e.getMessage(), e);
    }
  }

  private static URL findResource(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    URL found = context == null ? null : context.getResource(name);
    return found != null ? found : ConfigReader.class.getClassLoader().getResource(name);
  }

  private static AegisConfigurationException unreadable(ConfigLocation location, IOException e) {
    return new AegisConfigurationException(AegisSqlState.CONFIG_NOT_FOUND, "Aegis configuration "
        + location.describe() + " cannot be read (" + e + "). Check its permissions.", e);
  }
}

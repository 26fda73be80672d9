package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.config.ConfigLocation.Origin;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.error.AegisSqlState;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigReader#read}: finding and opening the configuration. */
class ConfigReaderReadTest {
  @TempDir
  Path dir;

  @Test
  void readsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("aegis.yml"), ConfigReaderTest.DESIGN_EXAMPLE);

    AegisConfig config = ConfigReader.read(new ConfigLocation(file.toString(), Origin.URL_PARAMETER));

    assertThat(config).isEqualTo(ConfigReader.parse(ConfigReaderTest.DESIGN_EXAMPLE, "same text"));
    assertThat(config.columns()).hasSize(3);
  }

  @Test
  void readsAFileGivenWithTheFileScheme() throws Exception {
    Path file = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  mode: enforce\n");

    AegisConfig config = ConfigReader.read(new ConfigLocation("file:" + file, Origin.SYSTEM_PROPERTY));

    assertThat(config.detection().mode()).isEqualTo(DetectionMode.ENFORCE);
  }

  @Test
  void readsAnEmptyFileAsTheDefaults() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.yml"));

    assertThat(ConfigReader.read(new ConfigLocation(file.toString(), Origin.SYSTEM_PROPERTY)))
        .isEqualTo(AegisConfig.defaults());
  }

  @Test
  void readsTheFileAsUtf8() throws Exception {
    Path file = Files.writeString(dir.resolve("aegis.yml"),
        "# Règles apprises\ndetection:\n  allowlist: file:règles/liste.txt\n");

    AegisConfig config = ConfigReader.read(new ConfigLocation(file.toString(), Origin.SYSTEM_PROPERTY));

    assertThat(config.detection().allowlist()).isEqualTo(new Location(Location.Scheme.FILE, "règles/liste.txt"));
  }

  @Test
  void missingFileNamesItsAbsolutePathAndOrigin() {
    Path missing = dir.resolve("nowhere/aegis.yml");

    AegisConfigurationException e = notFound(new ConfigLocation(missing.toString(), Origin.ENVIRONMENT_VARIABLE));

    assertThat(e.getMessage()).contains("Aegis configuration file " + missing.toAbsolutePath())
        .contains("(from environment variable AEGIS_CONFIG)")
        .contains("does not exist")
        .contains("point aegis.config / AEGIS_CONFIG at the right path");
  }

  @Test
  void missingRelativeFileIsShownAsAbsolute() {
    String relative = "no-such-dir-" + System.nanoTime() + "/aegis.yml";

    AegisConfigurationException e = notFound(new ConfigLocation(relative, Origin.CONNECTION_PROPERTY));

    assertThat(e.getMessage()).contains(Path.of(relative).toAbsolutePath().toString())
        .contains("(from connection property aegis.config)")
        .contains("relative paths start from " + Path.of("").toAbsolutePath());
  }

  @Test
  void directoryIsNotAConfiguration() {
    AegisConfigurationException e = notFound(new ConfigLocation(dir.toString(), Origin.URL_PARAMETER));

    assertThat(e.getMessage()).contains(dir.toAbsolutePath().toString())
        .contains("is not a regular file")
        .contains("(from URL parameter aegis.config)");
  }

  @Test
  void invalidFileIsReportedWithItsAbsolutePathAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("aegis.yml"), "detection:\n  mode: enforce\n  mdoe: learn\n");

    AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
        () -> ConfigReader.read(new ConfigLocation(file.toString(), Origin.URL_PARAMETER)));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    assertThat(e.getMessage()).contains(file.toAbsolutePath() + ", line 3, setting 'detection.mdoe'");
  }

  @Test
  void readsFromTheClassPath() throws Exception {
    AegisConfig config = ConfigReader.read(new ConfigLocation("classpath:aegis-classpath-test.yml",
        Origin.SYSTEM_PROPERTY));

    assertThat(config.detection()).isEqualTo(new DetectionConfig(DetectionMode.LEARN, 0.6, null));
    assertThat(config.columns()).containsOnlyKeys(ColumnRef.valueOf("customers.email"));
  }

  @Test
  void classPathNameMayStartWithASlash() throws Exception {
    AegisConfig config = ConfigReader.read(new ConfigLocation("classpath:/aegis-classpath-test.yml",
        Origin.SYSTEM_PROPERTY));

    assertThat(config.detection().mode()).isEqualTo(DetectionMode.LEARN);
  }

  @Test
  void missingClassPathResourceSaysWhereToPutIt() {
    AegisConfigurationException e =
        notFound(new ConfigLocation("classpath:no-such-aegis.yml", Origin.URL_PARAMETER));

    assertThat(e.getMessage()).contains("classpath:no-such-aegis.yml (from URL parameter aegis.config)")
        .contains("is not on the class path")
        .contains("Put no-such-aegis.yml in src/main/resources");
  }

  @Test
  void invalidClassPathResourceNamesTheLocation() throws Exception {
    Path root = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(root.resolve("broken-aegis.yml"), "detection:\n  mode: sometimes\n");
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()})) {
      Thread.currentThread().setContextClassLoader(loader);

      AegisConfigurationException e = catchThrowableOfType(AegisConfigurationException.class,
          () -> ConfigReader.read(new ConfigLocation("classpath:broken-aegis.yml", Origin.SYSTEM_PROPERTY)));

      assertThat((Throwable) e).isNotNull();
      assertThat(e.getSQLState()).isEqualTo("ZA011");
      assertThat(e.getMessage()).contains(
          "classpath:broken-aegis.yml (from system property aegis.config), line 2, setting 'detection.mode'");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  private static AegisConfigurationException notFound(ConfigLocation location) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> ConfigReader.read(location));
    assertThat((Throwable) e).as("read(%s) must fail", location).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA010");
    assertThat(e.state()).isEqualTo(AegisSqlState.CONFIG_NOT_FOUND);
    return e;
  }
}

package dev.aegis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigLocation.Origin;
import dev.aegis.config.DetectionMode;
import dev.aegis.error.AegisConfigurationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCacheTest {
  private static final FileTime EARLIER = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
  private static final FileTime LATER = FileTime.from(Instant.parse("2024-01-01T00:01:00Z"));

  @TempDir
  Path dir;

  private final PipelineCache cache = new PipelineCache(new SimpleMeterRegistry());

  @Test
  void noLocationGivesThePassThroughPipeline() throws Exception {
    StatementPipeline pipeline = cache.pipelineFor(Optional.empty());

    assertThat(pipeline.config()).isEqualTo(AegisConfig.defaults());
    assertThat(pipeline.config().detection().mode()).isEqualTo(DetectionMode.MONITOR);
    assertThat(pipeline.config().columns()).isEmpty();
    assertThat(cache.pipelineFor(Optional.empty())).isSameAs(pipeline);
  }

  @Test
  void aCacheRegistersNoMeterBeforeItsFirstPipeline() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineCache unused = new PipelineCache(registry);

    assertThat(registry.getMeters()).as("a driver only loaded, never used").isEmpty();
    unused.pipelineFor(Optional.empty());
    assertThat(registry.getMeters()).isNotEmpty();
  }

  @Test
  void sameLocationGivesTheSamePipeline() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: enforce\n", EARLIER);

    StatementPipeline first = cache.pipelineFor(at(file));

    assertThat(first.config().detection().mode()).isEqualTo(DetectionMode.ENFORCE);
    assertThat(cache.pipelineFor(at(file))).isSameAs(first);
    assertThat(cache.pipelineFor(Optional.of(new ConfigLocation(file.toString(), Origin.ENVIRONMENT_VARIABLE))))
        .as("the origin does not matter, the location does").isSameAs(first);
  }

  @Test
  void differentFilesGiveDifferentPipelines() throws Exception {
    Path enforce = write("enforce.yml", "detection:\n  mode: enforce\n", EARLIER);
    Path learn = write("learn.yml", "detection:\n  mode: learn\n", EARLIER);

    assertThat(cache.pipelineFor(at(enforce)).config().detection().mode()).isEqualTo(DetectionMode.ENFORCE);
    assertThat(cache.pipelineFor(at(learn)).config().detection().mode()).isEqualTo(DetectionMode.LEARN);
  }

  @Test
  void rewrittenFileOfAnotherSizeGivesANewPipeline() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: enforce\n", EARLIER);
    StatementPipeline before = cache.pipelineFor(at(file));

    write("aegis.yml", "detection:\n  mode: monitor\n  block-threshold: 0.5\n", EARLIER);
    StatementPipeline after = cache.pipelineFor(at(file));

    assertThat(after).isNotSameAs(before);
    assertThat(after.config().detection().mode()).isEqualTo(DetectionMode.MONITOR);
    assertThat(after.config().detection().blockThreshold()).isEqualTo(0.5);
    assertThat(before.config().detection().mode()).as("open connections keep theirs")
        .isEqualTo(DetectionMode.ENFORCE);
    assertThat(cache.pipelineFor(at(file))).isSameAs(after);
  }

  @Test
  void rewrittenFileOfTheSameSizeWithANewTimeGivesANewPipeline() throws Exception {
    Path file = write("aegis.yml", "detection:\n  block-threshold: 0.5\n", EARLIER);
    StatementPipeline before = cache.pipelineFor(at(file));
    long size = Files.size(file);

    write("aegis.yml", "detection:\n  block-threshold: 0.7\n", LATER);
    StatementPipeline after = cache.pipelineFor(at(file));

    assertThat(Files.size(file)).as("same size, so only the time tells").isEqualTo(size);
    assertThat(after).isNotSameAs(before);
    assertThat(after.config().detection().blockThreshold()).isEqualTo(0.7);
  }

  @Test
  void touchedFileIsReadAgain() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: learn\n", EARLIER);
    StatementPipeline before = cache.pipelineFor(at(file));

    Files.setLastModifiedTime(file, LATER);

    assertThat(cache.pipelineFor(at(file))).isNotSameAs(before);
  }

  @Test
  void fileThatBecomesInvalidFailsNewConnects() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: learn\n", EARLIER);
    cache.pipelineFor(at(file));

    write("aegis.yml", "detection:\n  mode: lurn\n", LATER);

    AegisConfigurationException e = failure(file);
    assertThat(e.getSQLState()).isEqualTo("ZA011");
    assertThat(e.getMessage()).contains(file.toAbsolutePath() + ", line 2, setting 'detection.mode'");
    assertThat(failure(file).getSQLState()).as("still failing, not the old settings").isEqualTo("ZA011");
  }

  @Test
  void fixedFileWorksAgain() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: lurn\n", EARLIER);
    assertThat(failure(file).getSQLState()).isEqualTo("ZA011");

    write("aegis.yml", "detection:\n  mode: enforce\n", LATER);

    assertThat(cache.pipelineFor(at(file)).config().detection().mode()).isEqualTo(DetectionMode.ENFORCE);
  }

  @Test
  void deletedFileFailsNewConnects() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: learn\n", EARLIER);
    cache.pipelineFor(at(file));

    Files.delete(file);

    AegisConfigurationException e = failure(file);
    assertThat(e.getSQLState()).isEqualTo("ZA010");
    assertThat(e.getMessage()).contains(file.toAbsolutePath().toString()).contains("does not exist");
  }

  @Test
  void fileSchemeLocationIsCachedToo() throws Exception {
    Path file = write("aegis.yml", "detection:\n  mode: learn\n", EARLIER);
    Optional<ConfigLocation> location = Optional.of(new ConfigLocation("file:" + file, Origin.URL_PARAMETER));
    StatementPipeline first = cache.pipelineFor(location);

    assertThat(cache.pipelineFor(location)).isSameAs(first);
    write("aegis.yml", "detection:\n  mode: enforce\n", LATER);
    assertThat(cache.pipelineFor(location).config().detection().mode()).isEqualTo(DetectionMode.ENFORCE);
  }

  @Test
  void classPathLocationIsReadOnce() throws Exception {
    Optional<ConfigLocation> location =
        Optional.of(new ConfigLocation("classpath:aegis-classpath-test.yml", Origin.SYSTEM_PROPERTY));

    StatementPipeline first = cache.pipelineFor(location);

    assertThat(first.config().detection().mode()).isEqualTo(DetectionMode.LEARN);
    assertThat(cache.pipelineFor(location)).isSameAs(first);
  }

  @Test
  void missingClassPathResourceFails() {
    Optional<ConfigLocation> location =
        Optional.of(new ConfigLocation("classpath:no-such-aegis.yml", Origin.SYSTEM_PROPERTY));

    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> cache.pipelineFor(location));

    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("ZA010");
  }

  private Path write(String name, String yaml, FileTime modified) throws Exception {
    Path file = Files.writeString(dir.resolve(name), yaml);
    Files.setLastModifiedTime(file, modified);
    return file;
  }

  private static Optional<ConfigLocation> at(Path file) {
    return Optional.of(new ConfigLocation(file.toString(), Origin.URL_PARAMETER));
  }

  private AegisConfigurationException failure(Path file) {
    AegisConfigurationException e =
        catchThrowableOfType(AegisConfigurationException.class, () -> cache.pipelineFor(at(file)));
    assertThat((Throwable) e).as("pipelineFor(%s) must fail", file).isNotNull();
    return e;
  }

  @Test
  void eachConfigurationHasItsOwnLoginGuardAndASavedFileStartsAfresh() throws Exception {
    Path file = write("aegis.yml", "lockout:\n  max-failed-attempts: 3\n", EARLIER);
    Path off = write("off.yml", "lockout:\n  enabled: false\n", EARLIER);

    StatementPipeline first = cache.pipelineFor(at(file));
    assertThat(first.logins().enabled()).isTrue();
    assertThat(cache.pipelineFor(at(file)).logins()).isSameAs(first.logins());
    assertThat(cache.pipelineFor(Optional.empty()).logins()).as("lockout is on without configuration")
        .isNotSameAs(first.logins()).matches(guard -> guard.enabled());
    assertThat(cache.pipelineFor(at(off)).logins().enabled()).isFalse();

    Files.setLastModifiedTime(file, LATER);
    assertThat(cache.pipelineFor(at(file)).logins()).as("saving the file again lifts the lockouts")
        .isNotSameAs(first.logins());
  }
}

package dev.aegis.pipeline;

import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigLocation;
import dev.aegis.config.ConfigReader;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.lockout.TimeSource;
import dev.aegis.events.SecurityEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline per configuration source, so a connection opened through {@code DriverManager} on every
 * request neither re-reads nor re-validates YAML. A configuration file that changed on disk is read again at
 * the next connect; connections already open keep the pipeline they started with. A changed file that is
 * now invalid fails the new connects (loudly) rather than silently keeping the old settings. A new pipeline
 * starts with no failed logins and no lockouts: saving the file again is how an operator lifts them.
 */
public final class PipelineCache {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineCache.class);
  private final MeterRegistry registry;
  private final TimeSource time;
  private final List<SecurityEventListener> listeners;
  /** Made at the first connect without configuration, so a driver that is only loaded registers no meters. */
  private volatile StatementPipeline unconfigured;
  private final ConcurrentMap<String, Entry> byLocation = new ConcurrentHashMap<>();

  private record Entry(StatementPipeline pipeline, FileTime modified, long size) {}

  public PipelineCache(MeterRegistry registry) {
    this(registry, TimeSource.system(), List.of());
  }

  /** Pipelines whose security events also go to {@code listeners}. */
  public PipelineCache(MeterRegistry registry, List<SecurityEventListener> listeners) {
    this(registry, TimeSource.system(), listeners);
  }

  /**
   * A cache whose pipelines time lockouts by {@code time}, so that tests move it forward instead of
   * sleeping, and whose security events also go to {@code listeners}. Applications have no reason to
   * pass another time source.
   */
  public PipelineCache(MeterRegistry registry, TimeSource time, List<SecurityEventListener> listeners) {
    this.registry = registry;
    this.time = time;
    this.listeners = List.copyOf(listeners);
  }

  private StatementPipeline unconfigured() {
    StatementPipeline pipeline = unconfigured;
    if (pipeline == null) {
      synchronized (this) {
        pipeline = unconfigured;
        if (pipeline == null) {
          unconfigured = pipeline = StatementPipeline.create(AegisConfig.defaults(), registry, Path.of(""), time,
              listeners);
        }
      }
    }
    return pipeline;
  }

  /** The pipeline for {@code location}, or the pass-through pipeline when there is no configuration. */
  public StatementPipeline pipelineFor(Optional<ConfigLocation> location) throws AegisConfigurationException {
    if (location.isEmpty()) {
      return unconfigured();
    }
    ConfigLocation where = location.get();
    FileTime modified = null;
    long size = -1;
    if (!where.isClasspath()) {
      Path path = where.filePath();
      try {
        modified = Files.getLastModifiedTime(path);
        size = Files.size(path);
      } catch (IOException e) {
        // The reader below reports a missing or unreadable file with the right message.
        byLocation.remove(where.value());
      }
    }
    Entry cached = byLocation.get(where.value());
    if (cached != null && java.util.Objects.equals(cached.modified(), modified) && cached.size() == size) {
      return cached.pipeline();
    }
    AegisConfig config = ConfigReader.read(where);
    LOG.info("Aegis configuration {} read: {} encrypted column(s), detection {}, lockout {}", where.describe(),
        config.columns().size(), config.detection().mode().name().toLowerCase(java.util.Locale.ROOT),
        config.lockout().enabled() ? "on" : "off");
    Path base = where.isClasspath() ? Path.of("") : where.filePath().toAbsolutePath().getParent();
    StatementPipeline fresh = StatementPipeline.create(config, registry, base, time, listeners);
    byLocation.put(where.value(), new Entry(fresh, modified, size));
    return fresh;
  }
}

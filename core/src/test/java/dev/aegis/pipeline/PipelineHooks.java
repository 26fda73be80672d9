package dev.aegis.pipeline;

import dev.aegis.allowlist.Allowlist;
import dev.aegis.config.AegisConfig;
import dev.aegis.events.SecurityEvent;
import dev.aegis.keys.KeysetReload;
import dev.aegis.lockout.TimeSource;
import dev.aegis.response.BlockList;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The pipeline's package-private test hooks, for tests in other packages and modules (the core test-jar). */
public final class PipelineHooks {
  private PipelineHooks() {}

  /** The allowlist a pipeline loaded at its first connect, or null. */
  public static Allowlist allowlist(Pipeline pipeline) {
    return ((StatementPipeline) pipeline).allowlist();
  }

  /** The reload of a pipeline's encryption keys, started at its first connect with encrypted columns, or null. */
  public static KeysetReload keyReload(Pipeline pipeline) {
    return ((StatementPipeline) pipeline).keyReload();
  }

  /** The blocks of automatic response, started at a pipeline's first connect in enforce mode, or null. */
  public static BlockList blocks(Pipeline pipeline) {
    return ((StatementPipeline) pipeline).blocks();
  }

  /** The encrypted columns a pipeline loaded at its first connect, or null: what a keyset reload re-keys. */
  public static dev.aegis.encrypt.EncryptedColumns encryptedColumns(Pipeline pipeline) {
    dev.aegis.encrypt.ColumnEncryption encryption = ((StatementPipeline) pipeline).loadedEncryption();
    return encryption == null ? null : encryption.columns();
  }

  /** A pipeline on {@code time} whose security events go to {@code events}. */
  public static StatementPipeline withEvents(AegisConfig config, MeterRegistry registry, Path base, TimeSource time,
      Consumer<SecurityEvent> events) {
    return StatementPipeline.create(config, registry, base, time, events);
  }

  /** A pipeline whose security events go to {@code events}. */
  public static StatementPipeline withEvents(AegisConfig config, MeterRegistry registry, Path base,
      Consumer<SecurityEvent> events) {
    return StatementPipeline.create(config, registry, base, events);
  }
}

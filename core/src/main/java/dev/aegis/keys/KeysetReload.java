package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.background.Background;
import dev.aegis.config.KeysConfig;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lockout.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the keys of a running configuration current: every {@code keys.refresh} Aegis's background thread
 * reads the keyset store again and, when the stored keysets changed (a key added, promoted, retired, or
 * every keyset re-wrapped under a new master key), moves every encrypted column to them, without a restart
 * and without making a statement wait. A store that cannot be read or keysets that cannot be used leave the
 * keys in use as they are; the failure is logged and raised once, and counted
 * ({@code aegis.keys.reloads{outcome=failed}}). At start and at each refresh (daily with refresh off) keys
 * due for rotation within {@value RotationDue#WARNING_DAYS} days, or overdue, raise a warning event, once per
 * keyset per day. When the pipeline holding this handle is dropped, the cleaner stops the work.
 */
public final class KeysetReload {
  /** How often the rotation check runs when the keysets are not read again. */
  static final Duration DAILY = Duration.ofDays(1);

  /** Where the master key is read from at each change: its file again, or the key loaded at start. */
  @FunctionalInterface
  public interface MasterSource {
    MasterKey load() throws AegisConfigurationException;
  }

  /** Moves every encrypted column to {@code keysets}, all or none; throws ZA201 for a missing keyset. */
  @FunctionalInterface
  public interface Rekey {
    void rekey(Map<String, KeysetHandle> keysets) throws AegisConfigurationException;
  }

  private final KeysetReloadWorker worker;

  private KeysetReload(KeysetReloadWorker worker) {
    this.worker = worker;
  }

  /**
   * Starts the reload of keys loaded just now: checks rotation at once, then works every
   * {@code settings.refresh()} on the background thread.
   *
   * @param store the keyset store to read again, or null when it cannot be (a {@code jdbc} store where Aegis
   *     opens no connections of its own): rotation is still checked, daily
   * @param masters the master key for each change
   * @param loaded what the columns were built with
   * @param inUse the keysets the encrypted columns name: those rotation is checked for
   * @param rekey moves the columns to changed keysets
   * @param settings {@code keys.refresh} and {@code keys.rotation-days}
   * @param events where reload and rotation events go
   * @param time the wall clock rotation is judged by (tests move it instead of waiting for days)
   */
  public static KeysetReload start(KeysetStore store, MasterSource masters, LoadedKeysets loaded,
      Set<String> inUse, Rekey rekey, KeysConfig settings, Consumer<SecurityEvent> events, MeterRegistry registry,
      TimeSource time) {
    KeysetStore reloaded = settings.reloads() ? store : null;
    KeysetReloadWorker worker = new KeysetReloadWorker(reloaded, masters, loaded, inUse, rekey,
        settings.rotationDays(), events, registry, time);
    KeysetReload reload = new KeysetReload(worker);
    worker.checkRotation();
    long period = (reloaded == null ? DAILY : settings.refresh()).toMillis();
    // The task holds the worker, never this handle, so the cleaner can run once the pipeline is dropped.
    worker.scheduled(Background.executor().scheduleWithFixedDelay(worker::cycle, period, period,
        TimeUnit.MILLISECONDS));
    Background.cleaner().register(reload, worker::stop);
    return reload;
  }

  /** Test hook: reads the store now, as the end of a refresh interval does. */
  KeysetReloadWorker.Outcome refresh() {
    return worker.refresh();
  }

  /** Test hook: checks rotation now, as each refresh does. */
  List<RotationDue> checkRotation() {
    return worker.checkRotation();
  }

  /** Test hook: what the columns use now. */
  LoadedKeysets current() {
    return worker.current();
  }

  /** Test hook: stops the background work, as the cleaner does when the pipeline is dropped. */
  void stop() {
    worker.stop();
  }

  /** Test hook: the work itself, which outlives this handle until the cleaner stops it. */
  KeysetReloadWorker worker() {
    return worker;
  }
}

package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lockout.TimeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys in use by one configuration and the background work on them: reading the store again
 * ({@link #refresh}) and warning about keys due for rotation ({@link #checkRotation}). Runs on Aegis's
 * background thread or in a test's hook, one call at a time; the statement path never waits for it, since
 * the columns take new keys in one volatile write each.
 *
 * <p>Kept apart from {@link KeysetReload} so that the scheduled task can hold it strongly while the handle
 * stays collectable: when a pipeline is dropped, the cleaner cancels the task.
 */
final class KeysetReloadWorker {
  private static final Logger LOG = LoggerFactory.getLogger(KeysetReload.class);

  /** What one {@link #refresh} did. */
  enum Outcome { UNCHANGED, CHANGED, FAILED, OFF }

  private final KeysetStore store;
  private final KeysetReload.MasterSource masters;
  private final KeysetReload.Rekey rekey;
  private final Set<String> inUse;
  private final int rotationDays;
  private final Consumer<SecurityEvent> events;
  private final TimeSource time;
  private final Counter unchanged;
  private final Counter changed;
  private final Counter failed;
  /** Guarded by this: what the columns use now. */
  private LoadedKeysets current;
  /** Guarded by this: the last failure reported (digits folded), or null while reloads work. */
  private String problem;
  /** Guarded by this: the UTC day each keyset's rotation warning was last raised. */
  private final Map<String, LocalDate> warned = new HashMap<>();
  /** Guarded by this: the undated keys already reported, as {@code keyset/keyId}. */
  private final Set<String> undated = new HashSet<>();
  private volatile ScheduledFuture<?> schedule;

  KeysetReloadWorker(KeysetStore store, KeysetReload.MasterSource masters, LoadedKeysets loaded,
      Set<String> inUse, KeysetReload.Rekey rekey, int rotationDays, Consumer<SecurityEvent> events,
      MeterRegistry registry, TimeSource time) {
    this.store = store;
    this.masters = masters;
    this.current = Objects.requireNonNull(loaded, "loaded");
    this.inUse = Set.copyOf(inUse);
    this.rekey = rekey;
    this.rotationDays = rotationDays;
    this.events = events;
    this.time = time;
    this.unchanged = counter(registry, "unchanged");
    this.changed = counter(registry, "changed");
    this.failed = counter(registry, "failed");
  }

  void scheduled(ScheduledFuture<?> schedule) {
    this.schedule = schedule;
  }

  /** What the background thread does every {@code keys.refresh} (or daily when off): reload, then warn. */
  void cycle() {
    try {
      refresh();
      checkRotation();
    } catch (RuntimeException | Error e) {
      // A scheduled task that throws is never run again: this one must keep running whatever happens.
      LOG.error("Aegis keys: the background reload failed ({}); it runs again next interval",
          e.getClass().getName());
    }
  }

  /**
   * Reads the store and, when the stored forms differ from those in use, opens them (with the master key
   * read again from its file) and moves every column to them. Any failure keeps the keys in use.
   */
  synchronized Outcome refresh() {
    if (store == null) {
      return Outcome.OFF;
    }
    try {
      Map<String, String> sealed = store.readSealed();
      if (sealed.equals(current.sealed())) {
        count(unchanged);
        recovered();
        return Outcome.UNCHANGED;
      }
      LoadedKeysets next = LoadedKeysets.open(sealed, masters.load(), store.describe());
      rekey.rekey(next.handles());
      LoadedKeysets before = current;
      current = next;
      count(changed);
      recovered();
      String changes = changes(before, next);
      LOG.info("Aegis keys reloaded from the keyset store {}: {}", store.describe(), changes);
      publish(KeyEvents.reloaded(time.now(), "keysets reloaded from the keyset store " + store.describe() + ": "
          + changes));
      return Outcome.CHANGED;
    } catch (AegisConfigurationException e) {
      // Messages of the stores and of the columns name the store, keyset and column, never key material.
      failed(e.getMessage());
    } catch (RuntimeException e) {
      failed("Aegis keys unavailable: reloading failed (" + e.getClass().getName() + ").");
    }
    return Outcome.FAILED;
  }

  /**
   * Warns about each keyset in use whose primary key is due for rotation within
   * {@value RotationDue#WARNING_DAYS} days or overdue, at most once per keyset per UTC day, and once per key
   * about a key without a date.
   *
   * @return the warnings raised by this call
   */
  synchronized List<RotationDue> checkRotation() {
    Instant now = time.now();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<RotationDue> raised = new ArrayList<>();
    for (String name : new TreeSet<>(inUse)) {
      Keyset keyset = current.keysets().get(name);
      if (keyset == null) {
        continue; // not loadable: the load or the reload that lacked it failed, and said so
      }
      RotationDue due = RotationDue.of(name, keyset, rotationDays, now);
      boolean first = switch (due.state()) {
        case FRESH -> false;
        case AGE_UNKNOWN -> undated.add(name + "/" + due.keyId());
        case DUE_SOON, OVERDUE -> !today.equals(warned.put(name, today));
      };
      if (first) {
        // The event is the warning: its log sink writes it at WARN on aegis.security.
        raised.add(due);
        publish(KeyEvents.rotation(now, due));
      }
    }
    return raised;
  }

  /** What the columns use now. */
  synchronized LoadedKeysets current() {
    return current;
  }

  void stop() {
    ScheduledFuture<?> task = schedule;
    if (task != null) {
      task.cancel(false);
    }
  }

  boolean stopped() {
    ScheduledFuture<?> task = schedule;
    return task != null && task.isCancelled();
  }

  /**
   * Logged and raised once per distinct problem, so a store that stays broken for an hour does not flood
   * the log; counted every time. Digits are folded so that a server message with a changing number (how
   * long ago the last packet went) is still the same problem.
   */
  private void failed(String reported) {
    count(failed);
    // One line: a server's message may span several ("Communications link failure\n\nThe last packet …").
    String message = reported.replaceAll("\\s+", " ").strip();
    String folded = message.replaceAll("\\d+", "#");
    if (folded.equals(problem)) {
      return;
    }
    problem = folded;
    String detail = "Aegis keys could not be reloaded: " + message.replaceFirst("^Aegis keys unavailable: ", "")
        // Advice for a first set-up: here, new keysets would leave the values written under the old unreadable.
        .replaceAll(" Run 'aegis keys init'[^.]*\\.", "")
        + " The keys loaded before stay in use, and the keyset store " + store.describe() + " is read again every"
        + " keys.refresh. Restore or fix what is named above (from a backup) rather than creating new keysets.";
    LOG.warn(detail);
    publish(KeyEvents.reloadFailed(time.now(), detail));
  }

  private void recovered() {
    if (problem != null) {
      problem = null;
      LOG.info("Aegis keys: the keyset store {} reads and opens again", store.describe());
    }
  }

  /** Which keysets changed, with their key ids, each key's status and which is primary. */
  static String changes(LoadedKeysets before, LoadedKeysets after) {
    Set<String> names = new TreeSet<>(before.sealed().keySet());
    names.addAll(after.sealed().keySet());
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      Keyset old = before.keysets().get(name);
      Keyset now = after.keysets().get(name);
      if (now == null) {
        parts.add("keyset '" + name + "' removed");
      } else if (old == null) {
        parts.add("keyset '" + name + "' added with " + keys(now.handle()));
      } else if (!before.sealed().get(name).equals(after.sealed().get(name))) {
        String keys = keys(now.handle());
        parts.add(keys.equals(keys(old.handle()))
            ? "keyset '" + name + "' stored anew with the same " + keys
            : "keyset '" + name + "' now has " + keys + " (had " + keys(old.handle()) + ")");
      }
    }
    return String.join("; ", parts);
  }

  /** {@code keys 123 (primary), 456 (enabled)}: ids and statuses only. */
  static String keys(KeysetHandle handle) {
    List<String> keys = new ArrayList<>(handle.size());
    for (int i = 0; i < handle.size(); i++) {
      KeysetHandle.Entry entry = handle.getAt(i);
      keys.add(Integer.toUnsignedString(entry.getId()) + " (" + (entry.isPrimary() ? "primary"
          : entry.getStatus().toString().toLowerCase(Locale.ROOT)) + ")");
    }
    return (keys.size() == 1 ? "key " : "keys ") + String.join(", ", keys);
  }

  private void publish(SecurityEvent event) {
    try {
      events.accept(event);
    } catch (RuntimeException e) {
      // Reporting must never stop the reload; the log line above said the same.
    }
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    try {
      return Counter.builder("aegis.keys.reloads").tag("outcome", outcome)
          .description("Reads of the keyset store by the background reload, by what they did")
          .register(registry);
    } catch (RuntimeException e) {
      return null; // meters are optional: a registry that refuses them leaves the reload working
    }
  }

  private static void count(Counter counter) {
    if (counter == null) {
      return;
    }
    try {
      counter.increment();
    } catch (RuntimeException e) {
      // Best effort, as every meter of Aegis.
    }
  }
}

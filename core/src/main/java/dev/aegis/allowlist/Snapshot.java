package dev.aegis.allowlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowed shapes at one moment, immutable: the statement path reads it through one volatile field and
 * a hash look-up on the digest (whose hash the lexer's string caches after the first use), with no lock
 * and no allocation. Changes build a new snapshot on the background thread.
 */
final class Snapshot {
  static final Snapshot EMPTY = new Snapshot(Map.of());

  /**
   * One allowed shape. {@code mark} is the refresh interval in which the shape last ran, so that its
   * last-seen time is written at most once per interval; a racy write of it only costs a repeated touch.
   */
  static final class Slot {
    final String fingerprint;
    volatile int mark = -1;

    Slot(String fingerprint) {
      this.fingerprint = fingerprint;
    }
  }

  private final Map<String, Slot> byDigest;

  private Snapshot(Map<String, Slot> byDigest) {
    this.byDigest = byDigest;
  }

  /** The entries' shapes; slots of shapes {@code previous} already held are kept, with their marks. */
  static Snapshot of(Collection<AllowlistEntry> entries, Snapshot previous) {
    Map<String, Slot> slots = new HashMap<>(entries.size() * 2);
    for (AllowlistEntry entry : entries) {
      Slot old = previous.byDigest.get(entry.digest());
      slots.put(entry.digest(), old != null ? old : new Slot(entry.fingerprint()));
    }
    return new Snapshot(Map.copyOf(slots));
  }

  /** This snapshot with {@code added} shapes too. */
  Snapshot with(Collection<AllowlistEntry> added) {
    Map<String, Slot> slots = new HashMap<>(byDigest);
    for (AllowlistEntry entry : added) {
      slots.putIfAbsent(entry.digest(), new Slot(entry.fingerprint()));
    }
    return new Snapshot(Map.copyOf(slots));
  }

  Slot get(String digest) {
    return byDigest.get(digest);
  }

  int size() {
    return byDigest.size();
  }

  /** The fingerprints of the shapes that ran in interval {@code mark}. */
  List<String> marked(int mark) {
    List<String> used = new ArrayList<>();
    for (Slot slot : byDigest.values()) {
      if (slot.mark == mark) {
        used.add(slot.fingerprint);
      }
    }
    return used;
  }
}

package dev.aegis.lockout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The tallies of one kind (addresses or users), bounded: at most {@code maxKeys} entries, each forgotten
 * as soon as it no longer matters ({@link Tally#nanosToKeep}). Reads are lock-free; a change locks only
 * its own key.
 */
final class Tallies {
  private final Cache<String, Tally> cache;
  private final Rules rules;

  /** A failure's effect: the tally before and after it, and whether it started a lockout. */
  record Change(Tally before, Tally after, boolean lockoutStarted) {}

  Tallies(Rules rules, Ticker ticker, int maxKeys) {
    this.rules = rules;
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .ticker(ticker)
        .expireAfter(new Expiry<String, Tally>() {
          @Override
          public long expireAfterCreate(String key, Tally tally, long now) {
            return tally.nanosToKeep(now, rules);
          }

          @Override
          public long expireAfterUpdate(String key, Tally tally, long now, long currentDuration) {
            return tally.nanosToKeep(now, rules);
          }

          @Override
          public long expireAfterRead(String key, Tally tally, long now, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
  }

  Rules rules() {
    return rules;
  }

  /** The tally of {@code key}, or null when nothing is remembered about it. */
  Tally get(String key) {
    return cache.getIfPresent(key);
  }

  Change fail(String key, String source, long now) {
    Tally[] before = new Tally[1];
    Tally after = cache.asMap().compute(key, (k, current) -> {
      before[0] = current == null ? Tally.EMPTY : current;
      return before[0].fail(source, now, rules);
    });
    boolean started = after.lockedAt(now) && !before[0].lockedAt(now);
    return new Change(before[0], after, started);
  }

  void succeed(String key, String source, long now) {
    Tally current = cache.getIfPresent(key);
    // Most logins succeed with nothing to forget: keep those to a read, without taking the key's lock.
    if (current != null && current.hasFailuresFrom(source)) {
      cache.asMap().computeIfPresent(key, (k, tally) -> tally.succeed(source, now, rules));
    }
  }

  /** Entries held after pending evictions and expiries are done (for tests of the bound). */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}

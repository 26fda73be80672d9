package dev.aegis.response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The rule of automatic response for one kind of subject: {@code blockAfter} blocked statements of one
 * subject within {@code within} fire it. Counts are per subject, bounded in number (the least recently used
 * are forgotten first beyond {@code maxSubjects}) and forgotten once their last statement is out of the
 * window. A change locks only its own subject; firing starts the count again, so one burst fires once.
 */
public final class RuleWindow {
  /** Rule names remembered per subject: enough to say why, bounded against a caller that tries them all. */
  static final int MAX_RULES = 8;

  private final int blockAfter;
  private final long windowNanos;
  private final Ticker ticker;
  private final Cache<String, Tally> tallies;

  /**
   * The blocked statements of one subject inside the window, oldest first (at most {@code blockAfter}),
   * and the rules that blocked them. Immutable: a change is a new tally made in the cache's per-key compute.
   */
  private record Tally(long[] times, Set<String> rules) {
    static final Tally EMPTY = new Tally(new long[0], Set.of());

    Tally add(long now, List<String> fired, long window, int keep) {
      long[] kept = Arrays.stream(times).filter(t -> now - t < window).toArray();
      int from = Math.max(0, kept.length + 1 - keep);
      long[] next = Arrays.copyOfRange(kept, from, kept.length + 1);
      next[next.length - 1] = now;
      Set<String> names = new LinkedHashSet<>(rules);
      for (String rule : fired) {
        if (names.size() < MAX_RULES) {
          names.add(rule);
        }
      }
      return new Tally(next, names);
    }
  }

  /**
   * @param blockAfter how many blocked statements fire the rule, at least 1
   * @param ticker measures the window (monotonic: does not jump when the wall clock is set)
   * @param maxSubjects how many subjects are counted at most
   */
  public RuleWindow(int blockAfter, Duration within, Ticker ticker, int maxSubjects) {
    if (blockAfter < 1) {
      throw new IllegalArgumentException("blockAfter must be at least 1, was " + blockAfter);
    }
    this.blockAfter = blockAfter;
    this.windowNanos = within.toNanos();
    this.ticker = ticker;
    this.tallies = Caffeine.newBuilder()
        .maximumSize(maxSubjects)
        .ticker(ticker)
        .expireAfterWrite(windowNanos, TimeUnit.NANOSECONDS)
        .build();
  }

  /**
   * Counts one blocked statement of {@code subject}.
   *
   * @param rules the rules that blocked it
   * @return the rules of the statements that fired the rule, when this one did (the count starts again);
   *     null otherwise
   */
  public List<String> record(String subject, List<String> rules) {
    List<List<String>> fired = new ArrayList<>(1);
    tallies.asMap().compute(subject, (key, tally) -> {
      Tally next = (tally == null ? Tally.EMPTY : tally).add(ticker.read(), rules, windowNanos, blockAfter);
      if (next.times().length < blockAfter) {
        return next;
      }
      fired.add(List.copyOf(next.rules()));
      return null;
    });
    return fired.isEmpty() ? null : fired.get(0);
  }

  /** Blocked statements of {@code subject} inside the window now (for tests). */
  int count(String subject) {
    Tally tally = tallies.getIfPresent(subject);
    if (tally == null) {
      return 0;
    }
    long now = ticker.read();
    return (int) Arrays.stream(tally.times()).filter(t -> now - t < windowNanos).count();
  }

  /** Subjects counted after pending evictions are done (for tests of the bound). */
  long size() {
    tallies.cleanUp();
    return tallies.estimatedSize();
  }
}

package dev.aegis.behaviour;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The profiles of every principal: read on the statement path without locks, changed only while learning,
 * and saved when a change is worth it (a new table, kind or hour, or a volume 10% above the last saved),
 * so learning writes the file a bounded number of times.
 */
final class Profiles {
  private final Map<String, Profile> byPrincipal;
  private final Map<String, Profile> saved = new ConcurrentHashMap<>();
  private volatile ProfileStore store;

  Profiles(ProfileStore store) {
    this.store = store;
    this.byPrincipal = new ConcurrentHashMap<>(store == null ? Map.of() : store.load());
  }

  /**
   * Starts using a store known only once connections can be opened (the {@code aegis_profiles} table):
   * what it holds is loaded, without overwriting what this instance learned meanwhile.
   */
  void attach(ProfileStore late) {
    late.load().forEach(byPrincipal::putIfAbsent);
    this.store = late;
  }

  /** The learned profile, or null for a principal never seen while learning. */
  Profile of(String principal) {
    return byPrincipal.get(key(principal));
  }

  void learn(String principal, UnaryOperator<Profile> change) {
    String key = key(principal);
    Profile after = byPrincipal.compute(key, (k, old) -> change.apply(old == null ? Profile.EMPTY : old));
    ProfileStore target = store;
    if (target != null && worthSaving(saved.getOrDefault(key, Profile.EMPTY), after)) {
      saved.put(key, after);
      // While learning (a staging-time mode) this write happens a bounded number of times per principal.
      target.save(Map.copyOf(byPrincipal));
    }
  }

  /** Compared with what was last saved for the principal, so slow steady growth is saved too. */
  private static boolean worthSaving(Profile before, Profile after) {
    return !before.equals(after) && (before == Profile.EMPTY || !before.tables().equals(after.tables())
        || !before.kinds().equals(after.kinds()) || before.hours() != after.hours()
        || after.rowsPerMinute() >= before.rowsPerMinute() * 11 / 10 + 1
        || after.statementsPerMinute() >= before.statementsPerMinute() * 11 / 10 + 1);
  }

  static String key(String principal) {
    return principal == null ? "" : principal;
  }
}

package dev.aegis.behaviour;

import java.util.Map;

/**
 * Where learned per-principal {@link Profile}s persist, so a restart — or switching from {@code learn} to
 * {@code enforce} — does not forget them: a JSON file per instance, or the {@code aegis_profiles} table a
 * fleet shares. A failed save is logged and the profiles stay in memory; it never fails a statement.
 */
public interface ProfileStore {
  /** Every stored profile by principal; none when the store does not exist yet. */
  Map<String, Profile> load();

  /** Stores {@code profiles}, replacing what is stored for the same principals. */
  void save(Map<String, Profile> profiles);
}

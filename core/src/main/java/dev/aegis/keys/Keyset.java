package dev.aegis.keys;

import com.google.crypto.tink.KeysetHandle;
import java.time.Instant;
import java.util.Map;

/**
 * One named keyset as a store holds it: the Tink keyset and when each of its keys was added. Tink records no
 * dates, and key age is what rotation is due by, so the store keeps them beside the sealed keyset (in the
 * clear: a date reveals nothing about a key).
 *
 * @param handle the keyset
 * @param created per key id, when the key was added; absent for keys added before Aegis recorded dates
 */
public record Keyset(KeysetHandle handle, Map<Integer, Instant> created) {

  public Keyset {
    created = Map.copyOf(created);
  }

  /** When key {@code keyId} was added, or null when the store does not know. */
  public Instant createdOf(int keyId) {
    return created.get(keyId);
  }
}

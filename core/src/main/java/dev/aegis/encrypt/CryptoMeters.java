package dev.aegis.encrypt;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every value encrypted or decrypted ({@code aegis.encryption.values}, tagged
 * {@code operation}: {@code encrypt} or {@code decrypt}). A failing meter backend never fails the value.
 */
public final class CryptoMeters {
  /** For columns built without a registry (tests): records nothing. */
  static final CryptoMeters NONE = new CryptoMeters(null, null);

  private final Timer encrypt;
  private final Timer decrypt;

  private CryptoMeters(Timer encrypt, Timer decrypt) {
    this.encrypt = encrypt;
    this.decrypt = decrypt;
  }

  public static CryptoMeters of(MeterRegistry registry) {
    return new CryptoMeters(timer(registry, "encrypt"), timer(registry, "decrypt"));
  }

  private static Timer timer(MeterRegistry registry, String operation) {
    return Timer.builder("aegis.encryption.values").tag("operation", operation)
        .description("Values of encrypted columns encrypted or decrypted, and the time each took")
        .register(registry);
  }

  void encrypted(long nanos) {
    record(encrypt, nanos);
  }

  void decrypted(long nanos) {
    record(decrypt, nanos);
  }

  private static void record(Timer timer, long nanos) {
    if (timer == null) {
      return;
    }
    try {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // Meters are best effort; the value was encrypted or decrypted all the same.
    }
  }
}

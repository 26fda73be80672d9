package dev.aegis.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aegis.config.LockoutConfig;
import dev.aegis.error.AegisLockedException;
import dev.aegis.events.SecurityEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory stays bounded, tallies are forgotten when they stop mattering, and concurrent failures all count. */
class LoginGuardBoundsTest {
  private static final LockoutConfig DEFAULTS = new LockoutConfig(null, null, null, null, null, null);
  private final ManualTime time = new ManualTime();
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

  @Test
  void aFloodOfAddressesAndUsersStaysWithinTheBound() {
    LoginGuard guard = new LoginGuard(DEFAULTS, new SimpleMeterRegistry(), time, events::add, 100);
    for (int i = 0; i < 5_000; i++) {
      guard.failed("user-" + i, "addr-" + i);
    }
    assertThat(guard.tracked()).as("100 addresses and 100 users at most").isLessThanOrEqualTo(200);
  }

  @Test
  void failuresAreForgottenOnceTheWindowHasPassed() {
    LoginGuard guard = new LoginGuard(DEFAULTS, new SimpleMeterRegistry(), time, events::add, 1000);
    for (int i = 0; i < 50; i++) {
      guard.failed("user-" + i, "addr-" + i);
    }
    assertThat(guard.tracked()).isEqualTo(100);
    time.advance(Duration.ofMinutes(15));
    assertThat(guard.tracked()).isZero();
  }

  @Test
  void aLockoutIsRememberedForADayAfterItEndsThenReleased() {
    LoginGuard guard = new LoginGuard(DEFAULTS, new SimpleMeterRegistry(), time, events::add, 1000);
    for (int i = 0; i < 5; i++) {
      guard.failed(null, "10.0.0.1");
    }
    time.advance(Duration.ofMinutes(15).plus(Duration.ofHours(24)).minusNanos(1));
    assertThat(guard.tracked()).as("not forgotten early").isEqualTo(1);
    // Caffeine removes long-lived entries in coarse timer-wheel steps (about 1.6 days at this length);
    // what matters is that the memory is given back, not the exact nanosecond.
    time.advance(Duration.ofDays(2));
    assertThat(guard.tracked()).isZero();
  }

  @Test
  void concurrentFailuresStartExactlyOneLockoutAndLoseNone() throws Exception {
    LoginGuard guard = new LoginGuard(new LockoutConfig(true, 1000, null, null, null, null),
        new SimpleMeterRegistry(), time, events::add, 1000);
    int threads = 8;
    int perThread = 124; // 992 failures: 8 short of the 1000 that start a lockout
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            guard.failed("app", "10.0.0.1");
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThatCode(() -> guard.check("app", "10.0.0.1")).as("992 of 1000: no failure lost or doubled")
        .doesNotThrowAnyException();
    for (int i = 0; i < 8; i++) {
      guard.failed("app", "10.0.0.1");
    }
    AegisLockedException e = catchThrowableOfType(AegisLockedException.class, () -> guard.check("app", "10.0.0.1"));
    assertThat((Throwable) e).isNotNull();
    assertThat(events.stream().filter(event -> event.rule().equals("login-lockout"))).hasSize(1);
  }
}

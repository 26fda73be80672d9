package dev.aegis.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.lockout.ManualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The block list kept in memory: look-ups, expiry, the longer of two blocks, and the bound. */
class BlockListTest {
  private static final Duration DAY = Duration.ofDays(1);
  private final ManualTime time = new ManualTime();

  private Block block(BlockKind kind, String subject, Duration lasting) {
    Instant now = time.now();
    return new Block(kind, subject, now.plus(lasting), "3 blocked statements within 10m: r", now, "test/1");
  }

  @Test
  void aBlockIsFoundByItsKindOnly() {
    BlockList list = BlockList.start(null, DAY, time);
    assertThat(list.find("mallory", "203.0.113.66")).isNull();

    assertThat(list.add(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30)))).isTrue();

    BlockList.Hit hit = list.find("mallory", "198.51.100.1");
    assertThat(hit.principal().subject()).isEqualTo("mallory");
    assertThat(hit.address()).isNull();
    assertThat(hit.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(30)));
    assertThat(list.find("alice", "mallory")).as("a principal's name used as an address").isNull();
    assertThat(list.find(null, null)).isNull();
    assertThat(list.describe()).isEqualTo("memory of this instance");
  }

  @Test
  void bothBlocksAreReportedAndTheLaterEndCounts() {
    BlockList list = BlockList.start(null, DAY, time);
    list.add(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30)));
    list.add(block(BlockKind.ADDRESS, "203.0.113.66", Duration.ofMinutes(45)));

    BlockList.Hit hit = list.find("mallory", "203.0.113.66");
    assertThat(hit.principal()).isNotNull();
    assertThat(hit.address()).isNotNull();
    assertThat(hit.until()).isEqualTo(ManualTime.START.plus(Duration.ofMinutes(45)));
  }

  @Test
  void aBlockEndsByItselfAndTheRefreshDropsIt() {
    BlockList list = BlockList.start(null, DAY, time);
    list.add(block(BlockKind.PRINCIPAL, "mallory", Duration.ofMinutes(30)));

    time.advance(Duration.ofMinutes(30).minusMillis(1));
    assertThat(list.find("mallory", null)).isNotNull();
    time.advance(Duration.ofMillis(1));
    assertThat(list.find("mallory", null)).as("ended, though still held").isNull();
    assertThat(list.size()).isEqualTo(1);

    ResponseHooks.refresh(list);
    assertThat(list.size()).isZero();
  }

  @Test
  void aShorterBlockDoesNotCutALongerOne() {
    BlockList list = BlockList.start(null, DAY, time);
    assertThat(list.add(block(BlockKind.ADDRESS, "203.0.113.66", Duration.ofHours(2)))).isTrue();

    assertThat(list.add(block(BlockKind.ADDRESS, "203.0.113.66", Duration.ofMinutes(30)))).isFalse();
    assertThat(list.find(null, "203.0.113.66").until()).isEqualTo(ManualTime.START.plus(Duration.ofHours(2)));
    assertThat(list.add(block(BlockKind.ADDRESS, "203.0.113.66", Duration.ofHours(3)))).as("extends it").isTrue();
  }

  @Test
  void noNewBlockStartsBeyondTheBoundButOneInForceCanBeExtended() {
    BlockList list = BlockList.start(null, DAY, time, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(list.add(block(BlockKind.ADDRESS, "10.0.0." + i, Duration.ofMinutes(30)))).isTrue();
    }

    assertThat(list.add(block(BlockKind.ADDRESS, "10.0.0.99", Duration.ofMinutes(30)))).isFalse();
    assertThat(list.add(block(BlockKind.ADDRESS, "10.0.0.1", Duration.ofHours(1)))).isTrue();
    assertThat(list.size()).isEqualTo(5);

    time.advance(Duration.ofMinutes(31));
    ResponseHooks.refresh(list);
    assertThat(list.add(block(BlockKind.ADDRESS, "10.0.0.99", Duration.ofMinutes(30)))).as("room again").isTrue();
  }

  @Test
  void aLookUpOfACallerWhoIsNotBlockedAllocatesNothing() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
        "this JVM cannot count a thread's allocations");
    com.sun.management.ThreadMXBean counting = (com.sun.management.ThreadMXBean) threads;
    BlockList list = BlockList.start(null, DAY, time);
    for (int i = 0; i < 100; i++) {
      list.add(block(i % 2 == 0 ? BlockKind.PRINCIPAL : BlockKind.ADDRESS, "subject-" + i, Duration.ofMinutes(30)));
    }
    String principal = "alice";
    String address = "198.51.100.7";
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      found += list.find(principal, address) == null ? 0 : 1;
    }

    long thread = Thread.currentThread().getId();
    long before = counting.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      found += list.find(principal, address) == null ? 0 : 1;
    }
    long allocated = counting.getThreadAllocatedBytes(thread) - before;

    assertThat(found).isZero();
    assertThat(allocated).as("bytes for 100,000 look-ups (the counter itself may take a few)").isLessThan(1_000);
  }

  @Test
  void printableEscapesControlCharacters() {
    assertThat(Block.printable("203.0.113.66")).isEqualTo("203.0.113.66");
    assertThat(Block.printable("evil\u001b[2J\nx")).isEqualTo("evil\\u001b[2J\\u000ax");
  }

  @Test
  void aBlockKeepsMillisecondsAsTheTableDoes() {
    Instant now = Instant.parse("2026-11-23T10:00:00.123456789Z");
    Block block = new Block(BlockKind.PRINCIPAL, "p", now, null, now, null);

    assertThat(block.until()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
    assertThat(block.reason()).isEmpty();
    assertThat(Block.storable("x".repeat(Block.SUBJECT_LENGTH))).isTrue();
    assertThat(Block.storable("x".repeat(Block.SUBJECT_LENGTH + 1))).isFalse();
  }
}

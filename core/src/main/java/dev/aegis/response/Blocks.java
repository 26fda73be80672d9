package dev.aegis.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks at one moment, immutable: the statement path reads it through one volatile field and then
 * does at most two hash look-ups (principal, address) on strings whose hash the caller's strings already
 * cache; no lock, and no allocation when nobody is blocked. Changes build a new snapshot.
 */
final class Blocks {
  static final Blocks EMPTY = new Blocks(Map.of(), Map.of());

  private final Map<String, Block> principals;
  private final Map<String, Block> addresses;

  private Blocks(Map<String, Block> principals, Map<String, Block> addresses) {
    this.principals = principals;
    this.addresses = addresses;
  }

  /** The blocks still in force at {@code now}; of two for one subject, the one that lasts longer. */
  static Blocks of(Collection<Block> blocks, Instant now) {
    Map<String, Block> principals = new HashMap<>();
    Map<String, Block> addresses = new HashMap<>();
    for (Block block : blocks) {
      if (block.activeAt(now)) {
        put(block.kind() == BlockKind.PRINCIPAL ? principals : addresses, block);
      }
    }
    return new Blocks(Map.copyOf(principals), Map.copyOf(addresses));
  }

  /** This snapshot with {@code block} too (unless one of its subject already lasts longer). */
  Blocks with(Block block) {
    boolean principal = block.kind() == BlockKind.PRINCIPAL;
    Map<String, Block> changed = new HashMap<>(principal ? principals : addresses);
    put(changed, block);
    return principal ? new Blocks(Map.copyOf(changed), addresses) : new Blocks(principals, Map.copyOf(changed));
  }

  private static void put(Map<String, Block> map, Block block) {
    map.merge(block.subject(), block, (old, added) -> added.until().isAfter(old.until()) ? added : old);
  }

  boolean isEmpty() {
    return principals.isEmpty() && addresses.isEmpty();
  }

  /** The block of {@code principal}, in force or not; null for none or a null principal. */
  Block principal(String principal) {
    return principal == null ? null : principals.get(principal);
  }

  /** The block of {@code address}, in force or not; null for none or a null address. */
  Block address(String address) {
    return address == null ? null : addresses.get(address);
  }

  /** The block of {@code subject} of this kind; null for none. */
  Block get(BlockKind kind, String subject) {
    return kind == BlockKind.PRINCIPAL ? principal(subject) : address(subject);
  }

  int size() {
    return principals.size() + addresses.size();
  }

  List<Block> all() {
    List<Block> all = new ArrayList<>(size());
    all.addAll(principals.values());
    all.addAll(addresses.values());
    return all;
  }
}

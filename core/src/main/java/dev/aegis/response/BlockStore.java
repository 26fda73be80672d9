package dev.aegis.response;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where blocks are shared: the table {@code aegis_blocks} ({@link JdbcBlockStore}). Called on Aegis's
 * background thread and by {@code aegis blocks}, never on a statement's path.
 */
public interface BlockStore {

  /** Creates the store when it is absent. */
  void create() throws SQLException;

  /** Whether the store exists (the table was created). */
  boolean exists() throws SQLException;

  /**
   * The blocks still in force at {@code now}, at most {@code limit} of them (those that last longest first).
   */
  List<Block> load(Instant now, int limit) throws SQLException;

  /**
   * Writes {@code block}; a block of the same subject already stored keeps whichever ends later, with its
   * reason, so instances that block the same caller at once agree.
   */
  void put(Block block) throws SQLException;

  /** Removes the block of {@code subject}; how many were removed (0 or 1). */
  int remove(BlockKind kind, String subject) throws SQLException;

  /** Removes the blocks that ended at or before {@code now}; how many. */
  int removeExpired(Instant now) throws SQLException;

  /** The store, for messages: {@code table aegis_blocks}. */
  String describe();
}

package dev.aegis.migration;

import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.keys.ConnectionSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rewrites the values of some encrypted columns of one table while the application keeps using it: in
 * primary-key order, one batch per transaction, each value written only if it is still the one read
 * (compare-and-set), so a concurrent application write always wins. The checkpoint in {@code aegis_jobs}
 * commits with each batch: a run killed at any point — even {@code kill -9} — resumes after the last batch
 * that committed, and re-running a finished job finds nothing to do.
 */
public final class TableMigration {
  private static final int DEADLOCK_RETRIES = 5;

  /** Told about progress, from the thread that runs the job. */
  public interface Listener {
    /**
     * @param total values to look at: the table's rows when the job started times its columns (NULLs
     *     included, so the count is an upper bound)
     * @param resumedFrom the counts of the run resumed
     */
    default void started(long total, long jobId, MigrationCounts resumedFrom) {}

    default void batch(MigrationCounts soFar) {}
  }

  /**
   * @param batchSize rows per transaction
   * @param maxRowsPerSecond throttle; 0 for none
   * @param dryRun count what would change, write nothing (no job row either)
   */
  public record Settings(int batchSize, double maxRowsPerSecond, boolean dryRun) {
    public Settings {
      if (batchSize < 1 || batchSize > 100_000) {
        throw new IllegalArgumentException("batch size must be 1 to 100000, was " + batchSize);
      }
      if (maxRowsPerSecond < 0) {
        throw new IllegalArgumentException("max rows per second must not be negative");
      }
    }
  }

  /** The outcome of a run. */
  public record Result(long jobId, boolean resumed, MigrationCounts counts, Duration elapsed) {}

  private final MigrationKind kind;
  private final String table;
  private final List<ProtectedColumn> columns;
  private final Map<ProtectedColumn, Integer> primaryKeyIds;
  private final Settings settings;
  private final ConnectionSource connections;
  private final Listener listener;
  private volatile Runnable beforeWrite = () -> {};

  /**
   * @param table the table, as the configuration names it (unqualified: the connection's database)
   * @param columns configured columns of {@code table}
   * @param primaryKeyIds per column, the id of its keyset's primary key (what new ciphertext is under)
   */
  public TableMigration(MigrationKind kind, String table, List<ProtectedColumn> columns,
      Map<ProtectedColumn, Integer> primaryKeyIds, Settings settings, ConnectionSource connections,
      Listener listener) {
    this.kind = kind;
    this.table = table;
    // Sorted: the job's identity in aegis_jobs must not depend on the order the configuration was read in.
    List<ProtectedColumn> sorted = new ArrayList<>(columns);
    sorted.sort(java.util.Comparator.comparing(c -> c.ref().column()));
    this.columns = List.copyOf(sorted);
    this.primaryKeyIds = Map.copyOf(primaryKeyIds);
    this.settings = settings;
    this.connections = connections;
    this.listener = listener;
  }

  /** For tests: runs between a batch's read and its writes, so a concurrent change can be staged there. */
  void beforeWrite(Runnable hook) {
    this.beforeWrite = hook;
  }

  /**
   * Runs the job to its end (or resumes it).
   *
   * @throws MigrationRefused when the table has no primary key or another run holds it
   * @throws SQLException when the database fails; the job stays resumable from its last checkpoint
   */
  public Result run() throws SQLException {
    long began = System.nanoTime();
    try (Connection lock = connections.open(); Connection work = connections.open()) {
      List<String> keyColumns = primaryKey(work);
      takeLock(lock, work);
      String columnList = columnList();
      String target = target();
      String owner = owner();
      long jobId = 0;
      boolean resumed = false;
      MigrationCounts counts = MigrationCounts.ZERO;
      List<String> lastKey = null;
      if (!settings.dryRun()) {
        JobTable.create(work);
        JobTable.Job open = JobTable.unfinished(work, kind, table, columnList);
        if (open != null && open.target().equals(target)) {
          jobId = open.id();
          resumed = true;
          counts = open.counts();
          lastKey = open.lastKey();
        } else {
          if (open != null) {
            JobTable.finish(work, open.id(), "superseded"); // the keys moved on: start over
          }
          jobId = JobTable.start(work, kind, table, columnList, target, owner);
        }
      }
      listener.started(count(work) * columns.size(), jobId, counts);
      Batches batches = new Batches(keyColumns, lastKey);
      long rowsThisRun = 0;
      while (true) {
        Batch batch = attempt(work, batches, jobId, counts, owner);
        if (batch.rows == 0) {
          break;
        }
        counts = counts.plus(batch.counts);
        batches.lastKey = batch.lastKey;
        rowsThisRun += batch.rows;
        listener.batch(counts);
        throttle(began, rowsThisRun);
      }
      if (!settings.dryRun()) {
        JobTable.finish(work, jobId, "done");
      }
      return new Result(jobId, resumed, counts, Duration.ofNanos(System.nanoTime() - began));
    }
  }

  private record Batch(int rows, List<String> lastKey, MigrationCounts counts) {}

  /** Where the next batch starts. */
  private static final class Batches {
    final List<String> keyColumns;
    List<String> lastKey;

    Batches(List<String> keyColumns, List<String> lastKey) {
      this.keyColumns = keyColumns;
      this.lastKey = lastKey;
    }
  }

  private Batch attempt(Connection work, Batches batches, long jobId, MigrationCounts before, String owner)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return batch(work, batches, jobId, before, owner);
      } catch (SQLException e) {
        boolean retriable = "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
        if (!retriable || attempt >= DEADLOCK_RETRIES) {
          throw e;
        }
      }
    }
  }

  private Batch batch(Connection work, Batches batches, long jobId, MigrationCounts before, String owner)
      throws SQLException {
    boolean autoCommit = work.getAutoCommit();
    work.setAutoCommit(false);
    try {
      List<Object[]> rows = read(work, batches);
      if (rows.isEmpty()) {
        work.rollback();
        return new Batch(0, batches.lastKey, MigrationCounts.ZERO);
      }
      int keys = batches.keyColumns.size();
      long scanned = 0;
      long current = 0;
      long unreadable = 0;
      long plaintext = 0;
      List<List<Object[]>> updates = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        updates.add(new ArrayList<>());
        ValueMigration migration = new ValueMigration(kind, columns.get(c));
        int primary = primaryKeyIds.getOrDefault(columns.get(c), 0);
        for (Object[] row : rows) {
          Object stored = row[keys + c];
          if (stored == null) {
            continue;
          }
          scanned++;
          ValueMigration.Outcome outcome = migration.decide(stored, primary);
          switch (outcome.verdict()) {
            case CHANGE -> updates.get(c).add(new Object[] {row, outcome.replacement()});
            case CURRENT -> current++;
            case UNREADABLE -> unreadable++;
            case PLAINTEXT -> plaintext++;
          }
        }
      }
      beforeWrite.run();
      long changed = 0;
      long missed = 0;
      if (!settings.dryRun()) {
        for (int c = 0; c < columns.size(); c++) {
          int[] results = write(work, batches.keyColumns, columns.get(c), updates.get(c));
          for (int result : results) {
            if (result == 0) {
              missed++;
            } else {
              changed++;
            }
          }
        }
      } else {
        for (List<Object[]> column : updates) {
          changed += column.size();
        }
      }
      Object[] last = rows.get(rows.size() - 1);
      List<String> lastKey = new ArrayList<>(keys);
      for (int k = 0; k < keys; k++) {
        lastKey.add(String.valueOf(last[k]));
      }
      MigrationCounts counts = new MigrationCounts(scanned, changed, current, missed, unreadable, plaintext);
      if (!settings.dryRun()) {
        JobTable.checkpoint(work, jobId, lastKey, before.plus(counts), owner);
        work.commit();
      } else {
        work.rollback();
      }
      return new Batch(rows.size(), lastKey, counts);
    } catch (SQLException | RuntimeException e) {
      try {
        work.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      try {
        work.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // The connection broke: what broke it is already on its way up, and the run ends here.
      }
    }
  }

  /** The next batch: per row its primary key values (as text), then each column's stored value. */
  private List<Object[]> read(Connection work, Batches batches) throws SQLException {
    List<String> keyColumns = batches.keyColumns;
    StringBuilder sql = new StringBuilder("SELECT ");
    StringJoiner order = new StringJoiner(", ");
    for (String key : keyColumns) {
      order.add(quote(key));
    }
    sql.append(order);
    for (ProtectedColumn column : columns) {
      sql.append(", ").append(quote(column.ref().column()));
    }
    sql.append(" FROM ").append(quote(table));
    if (batches.lastKey != null) {
      // Row-value comparison keeps a composite key in order; a single key uses the simple form.
      sql.append(keyColumns.size() == 1 ? " WHERE " + order + " > ?"
          : " WHERE (" + order + ") > (" + "?, ".repeat(keyColumns.size() - 1) + "?)");
    }
    sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(settings.batchSize());
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = work.prepareStatement(sql.toString())) {
      if (batches.lastKey != null) {
        for (int k = 0; k < keyColumns.size(); k++) {
          select.setString(k + 1, batches.lastKey.get(k));
        }
      }
      try (ResultSet result = select.executeQuery()) {
        int keys = keyColumns.size();
        while (result.next()) {
          Object[] row = new Object[keys + columns.size()];
          for (int k = 0; k < keys; k++) {
            row[k] = result.getString(k + 1);
          }
          for (int c = 0; c < columns.size(); c++) {
            row[keys + c] = columns.get(c).binary() ? result.getBytes(keys + c + 1) : result.getString(keys + c + 1);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Compare-and-set writes of one column: each row's count is 1 when written, 0 when the value moved on. */
  private int[] write(Connection work, List<String> keyColumns, ProtectedColumn column, List<Object[]> updates)
      throws SQLException {
    if (updates.isEmpty()) {
      return new int[0];
    }
    String name = quote(column.ref().column());
    StringBuilder sql = new StringBuilder("UPDATE ").append(quote(table)).append(" SET ").append(name)
        .append(" = ? WHERE ");
    for (String key : keyColumns) {
      sql.append(quote(key)).append(" = ? AND ");
    }
    // BINARY: under a case-insensitive collation two different values could otherwise compare equal.
    sql.append("BINARY ").append(name).append(" = BINARY ?");
    try (PreparedStatement update = work.prepareStatement(sql.toString())) {
      for (Object[] change : updates) {
        Object[] row = (Object[]) change[0];
        int p = 1;
        set(update, p++, change[1]);
        for (int k = 0; k < keyColumns.size(); k++) {
          update.setString(p++, (String) row[k]);
        }
        set(update, p, row[keyColumns.size() + columns.indexOf(column)]);
        update.addBatch();
      }
      return update.executeBatch();
    }
  }

  private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      statement.setString(index, (String) value);
    }
  }

  private List<String> primaryKey(Connection work) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement select = work.prepareStatement("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'"
        + " ORDER BY ORDINAL_POSITION")) {
      select.setString(1, table);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    if (keys.isEmpty()) {
      throw new MigrationRefused("Table " + table + " has no primary key (or does not exist in the connection's"
          + " database), so " + kind.command() + " cannot walk it in batches and resume. Add a primary key"
          + " first: ALTER TABLE " + table + " ADD COLUMN aegis_row_id BIGINT AUTO_INCREMENT PRIMARY KEY.");
    }
    return keys;
  }

  /**
   * One run per table at a time: a named server lock held on a connection of its own, which the server
   * releases when that connection dies, so a killed run never blocks the next one.
   */
  private void takeLock(Connection lock, Connection work) throws SQLException {
    String database;
    try (PreparedStatement select = work.prepareStatement("SELECT DATABASE()"); ResultSet row = select.executeQuery()) {
      row.next();
      database = row.getString(1);
    }
    String name = "aegis_job:" + database + "." + table;
    if (name.length() > 64) {
      name = "aegis_job:" + Integer.toHexString(name.hashCode()) + ":" + name.substring(name.length() - 40);
    }
    try (PreparedStatement get = lock.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      get.setString(1, name);
      try (ResultSet row = get.executeQuery()) {
        row.next();
        if (row.getInt(1) != 1) {
          throw new MigrationRefused("Another run holds table " + table + " (" + kind.command() + ", reencrypt,"
              + " encrypt-column or decrypt-column); wait for it to finish, or stop it — its progress is kept in "
              + JobTable.TABLE + " and the next run resumes from there.");
        }
      }
    }
  }

  private long count(Connection work) throws SQLException {
    try (PreparedStatement select = work.prepareStatement("SELECT COUNT(*) FROM " + quote(table));
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private void throttle(long began, long rows) {
    if (settings.maxRowsPerSecond() <= 0) {
      return;
    }
    long due = began + (long) (rows / settings.maxRowsPerSecond() * 1e9);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String columnList() {
    StringJoiner list = new StringJoiner(",");
    columns.forEach(c -> list.add(c.ref().column()));
    return list.toString();
  }

  /** What the job writes towards: per column its keyset's primary key (or plaintext); a change restarts it. */
  private String target() {
    Map<String, String> target = new LinkedHashMap<>();
    for (ProtectedColumn column : columns) {
      target.put(column.ref().column(), kind == MigrationKind.DECRYPT ? "plaintext"
          : column.config().key() + ":" + Integer.toUnsignedString(primaryKeyIds.getOrDefault(column, 0)));
    }
    return target.toString();
  }

  private static String owner() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}

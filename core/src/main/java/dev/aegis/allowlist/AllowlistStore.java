package dev.aegis.allowlist;

import dev.aegis.config.Location;
import dev.aegis.keys.ConnectionSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where allowed statement shapes are kept: a text file ({@code detection.allowlist: file:PATH}) or the
 * table {@code aegis_allowlist} of the application's database ({@code jdbc}), shared by a fleet.
 */
public interface AllowlistStore {

  /**
   * Every entry in the store; none when it does not exist yet.
   *
   * @throws dev.aegis.error.AegisConfigurationException ZA011 for a malformed file (naming file and line),
   *     ZA010 when the store cannot be read
   */
  List<AllowlistEntry> load() throws SQLException;

  /** Whether the store exists: a file that was written, a table that was created. */
  boolean exists() throws SQLException;

  /** Creates the store when absent, where that needs no entry (the table); a file appears at the first write. */
  void create() throws SQLException;

  /**
   * Adds {@code entries}; a shape already stored keeps the earliest first sighting (with its caller) and
   * the latest last one.
   */
  void add(Collection<AllowlistEntry> entries) throws SQLException, IOException;

  /** Whether the store records when each shape last ran ({@link #touch}); a file records first sightings only. */
  boolean tracksLastSeen();

  /** Records that the shapes with these fingerprints ran at {@code time}; nothing where not tracked. */
  void touch(Collection<String> fingerprints, Instant time) throws SQLException;

  /**
   * Removes the entries not used since {@code cutoff} (last seen where tracked, else first seen); an entry
   * of unknown age is kept.
   *
   * @return how many were removed
   */
  int prune(Instant cutoff) throws SQLException, IOException;

  /** The store, for messages: a file's absolute path or {@code table aegis_allowlist}. */
  String describe();

  /**
   * The store {@code detection.allowlist} names.
   *
   * @param configDirectory where a relative {@code file:} path starts: the configuration file's directory
   * @param jdbc plain connections to the application's database; may be null for a file store
   */
  static AllowlistStore of(Location allowlist, Path configDirectory, ConnectionSource jdbc) {
    return switch (allowlist.scheme()) {
      case FILE -> new FileAllowlistStore(configDirectory.resolve(allowlist.target()));
      case JDBC -> new JdbcAllowlistStore(Objects.requireNonNull(jdbc, "a jdbc allowlist needs connections"));
      case ENV -> throw new IllegalArgumentException("an allowlist cannot be kept in an environment variable");
    };
  }
}

package dev.aegis.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.mysql.cj.jdbc.MysqlDataSource;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.events.SecurityEvent;
import dev.aegis.keys.FileKeysetStore;
import dev.aegis.keys.JdbcKeysetStore;
import dev.aegis.keys.KeysHooks;
import dev.aegis.keys.KeysetReload;
import dev.aegis.keys.KeysetStore;
import dev.aegis.keys.MasterKey;
import dev.aegis.lockout.TimeSource;
import dev.aegis.pipeline.PipelineHooks;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A running application picks up keyset changes made outside it, with {@code keys.refresh: 1s} and the
 * real background thread: on one open connection, new values go under a key promoted in the store while
 * old values still read; a broken store keeps the keys in use and is counted and reported; keys near their
 * rotation date raise a warning. Each with the keysets in a file and in {@code aegis_keysets}. Nothing
 * sleeps: every wait polls what the server holds or what was reported, with a deadline.
 */
class KeysReloadIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  enum Store { FILE, JDBC }

  @TempDir Path dir;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private final ShiftedTime time = new ShiftedTime();
  private TestDatabase db;
  private String schema;
  private MasterKey master;
  private KeysetStore store;
  private int row;

  /** The wall clock moved by a test, so that keys age by days without waiting for them. */
  private static final class ShiftedTime implements TimeSource {
    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    @Override
    public long read() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now().plus(shift.get());
    }
  }

  @BeforeEach
  void database() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("keysreload");
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(400), phone VARCHAR(400))");
    }
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    master = MasterKey.load(Location.parse("file:master.json", EnumSet.of(Location.Scheme.FILE)), dir,
        name -> null);
  }

  /** Stores two keysets and writes the configuration, reading them again every second. */
  private Path configure(Store kind) throws Exception {
    store = kind == Store.FILE ? new FileKeysetStore(dir.resolve("keysets.json"))
        : new JdbcKeysetStore(() -> db.connectPlain(schema));
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
        "pci", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED)), master);
    Path config = dir.resolve("aegis.yml");
    Files.writeString(config, """
        keys:
          master: file:master.json
          keysets: %s
          refresh: 1s
        columns:
          customers.email: { mode: deterministic, key: pii }
          customers.phone: { mode: randomized, key: pci }
        """.formatted(kind == Store.FILE ? "file:keysets.json" : "jdbc"));
    return config;
  }

  private AegisDataSource dataSource(Path config) {
    MysqlDataSource mysql = new MysqlDataSource();
    mysql.setUrl(db.plainUrl(schema));
    mysql.setUser(db.user());
    mysql.setPassword(db.password());
    return AegisDataSource.builder(mysql).config(config.toString()).meterRegistry(registry).time(time)
        .listener(events::add).build();
  }

  /** Adds a key to keyset {@code name} and makes it primary, as an operator's tool would. */
  private int addAndPromote(String name) throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(store.read(master).get(name));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(name.equals("pii")
        ? PredefinedDeterministicAeadParameters.AES256_SIV : PredefinedAeadParameters.AES256_GCM)
        .withRandomId().makePrimary());
    KeysetHandle next = builder.build();
    store.write(Map.of(name, next), master);
    return next.getPrimary().getId();
  }

  private int primary(String name) throws Exception {
    return store.read(master).get(name).getPrimary().getId();
  }

  /** Inserts a row through Aegis and returns its id. */
  private int insert(Connection aegis) throws SQLException {
    int id = ++row;
    try (PreparedStatement insert = aegis.prepareStatement(
        "INSERT INTO customers (id, email, phone) VALUES (?, ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, "user" + id + "@example.com");
      insert.setString(3, "+1 555 01" + id);
      insert.executeUpdate();
    }
    return id;
  }

  /** The key ids the server holds the row's email and phone under, read around Aegis. */
  private int[] storedKeys(int id) throws SQLException {
    try (Connection plain = db.connectPlain(schema);
        PreparedStatement select = plain.prepareStatement("SELECT email, phone FROM customers WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new int[] {CiphertextFormat.keyIdOf(Base64.getDecoder().decode(rs.getString(1))),
            CiphertextFormat.keyIdOf(Base64.getDecoder().decode(rs.getString(2)))};
      }
    }
  }

  /** Reads the row back through Aegis. */
  private static void assertReads(Connection aegis, int id) throws SQLException {
    try (PreparedStatement select = aegis.prepareStatement("SELECT email, phone FROM customers WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("user" + id + "@example.com");
        assertThat(rs.getString(2)).isEqualTo("+1 555 01" + id);
      }
    }
  }

  /** Inserts rows through {@code aegis} until one is stored under both keys, and returns its id. */
  private int insertUntilStoredUnder(Connection aegis, int email, int phone) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      int id = insert(aegis);
      int[] keys = storedKeys(id);
      if (keys[0] == email && keys[1] == phone) {
        return id;
      }
      assertThat(System.nanoTime()).as("new values under keys %d and %d within %s; last %d and %d", email, phone,
          DEADLINE, keys[0], keys[1]).isLessThan(deadline);
      pause();
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, DEADLINE).isLessThan(deadline);
      pause();
    }
  }

  /** Between two looks at a condition: leaves the two cores to the server and Aegis's background thread. */
  private static void pause() {
    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
  }

  private List<SecurityEvent> events(String rule) {
    return events.stream().filter(e -> e.rule().equals(rule)).toList();
  }

  private double reloads(String outcome) {
    return registry.counter("aegis.keys.reloads", "outcome", outcome).count();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyPromotedOutsideIsUsedForNewValuesWithoutReconnecting(Store kind) throws Exception {
    AegisDataSource secured = dataSource(configure(kind));
    try (Connection aegis = secured.getConnection()) {
      int first = insert(aegis);
      assertThat(storedKeys(first)).containsExactly(primary("pii"), primary("pci"));

      int pii = addAndPromote("pii");
      int pci = addAndPromote("pci");
      int later = insertUntilStoredUnder(aegis, pii, pci);

      assertReads(aegis, first);
      assertReads(aegis, later);
      await("the keys-reloaded event", () -> !events("keys-reloaded").isEmpty());
      assertThat(events("keys-reloaded").get(0).detail()).contains(Integer.toUnsignedString(pii) + " (primary)");
      assertThat(reloads("changed")).isGreaterThanOrEqualTo(1);
      assertThat(events("keys-reload-failed")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theRefreshTheBackgroundThreadRunsMovesAnOpenConnectionToTheNewKeyAtOnce(Store kind) throws Exception {
    Path config = configure(kind);
    Files.writeString(config, Files.readString(config).replace("refresh: 1s", "refresh: 24h"));
    try (Connection aegis = dataSource(config).getConnection()) {
      int first = insert(aegis);
      KeysetReload reload = PipelineHooks.keyReload(aegis.unwrap(AegisConnection.class).pipeline());
      assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
      int pii = addAndPromote("pii");

      assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");

      assertThat(storedKeys(insert(aegis))).containsExactly(pii, primary("pci"));
      assertReads(aegis, first);
      assertThat(reloads("changed")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aBrokenStoreKeepsTheKeysInUseIsCountedAndReportedAndAFixIsPickedUp(Store kind) throws Exception {
    AegisDataSource secured = dataSource(configure(kind));
    try (Connection aegis = secured.getConnection()) {
      int before = insert(aegis);
      int[] keys = storedKeys(before);
      Map<String, String> good = store.readSealed();
      if (kind == Store.FILE) {
        Files.writeString(dir.resolve("keysets.json"), "not json at all");
      } else {
        try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE aegis_keysets SET keyset = 'garbage' WHERE name = 'pii'");
        }
      }

      await("three failed reloads", () -> reloads("failed") >= 3);
      int during = insert(aegis);
      assertThat(storedKeys(during)).containsExactly(keys[0], keys[1]);
      assertReads(aegis, before);
      assertReads(aegis, during);

      store.replaceSealed(good);
      int pii = addAndPromote("pii");
      int after = insertUntilStoredUnder(aegis, pii, keys[1]);
      assertReads(aegis, before);
      assertReads(aegis, during);
      assertReads(aegis, after);
      // Events arrive in order: once the reload's is in, every failure event before it is too.
      await("the keys-reloaded event", () -> !events("keys-reloaded").isEmpty());
      List<SecurityEvent> failed = events("keys-reload-failed");
      assertThat(failed).as("one event for one problem, however many reads failed").hasSize(1);
      assertThat(failed.get(0).detail()).contains(kind == Store.FILE ? "is not a JSON object"
          : "keyset 'pii' in table aegis_keysets does not decrypt").contains("The keys loaded before stay in use");
      assertThat(failed.get(0).severity()).isEqualTo("high");
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void keysNearTheirRotationDateRaiseAWarningAndFreshOnesDoNot(Store kind) throws Exception {
    AegisDataSource secured = dataSource(configure(kind));
    try (Connection aegis = secured.getConnection()) {
      insert(aegis); // the keys were checked at this first connect: fresh, so nothing was raised

      time.shift.set(Duration.ofDays(85));
      await("two rotation warnings", () -> events("key-rotation-due").size() >= 2);

      // Events arrive in order, so a warning raised for the fresh keys would be first.
      List<SecurityEvent> rotation = events.stream().filter(e -> e.rule().startsWith("key-")).toList();
      assertThat(rotation).extracting(SecurityEvent::detail).allMatch(d -> d.startsWith("key rotation due in 5 days"));
      assertThat(rotation.get(0).detail()).contains("keyset 'pci', primary key " + Integer.toUnsignedString(primary("pci")));
      assertThat(rotation.get(1).detail()).contains("keyset 'pii', primary key " + Integer.toUnsignedString(primary("pii")));
      assertThat(rotation).extracting(SecurityEvent::category, SecurityEvent::action)
          .containsOnly(org.assertj.core.groups.Tuple.tuple("keys", "alert"));
      double reads = reloads("unchanged");
      await("two more reads", () -> reloads("unchanged") >= reads + 2);
      // A change now raises an event after those reads' checks: once it is in, theirs would be too.
      addAndPromote("pii");
      await("the keys-reloaded event", () -> !events("keys-reloaded").isEmpty());
      assertThat(events("key-rotation-due")).as("once per keyset per day").hasSize(2);
    }
  }

  @Test
  void aConnectionThroughTheDriverUrlPicksUpAKeyPromotedInTheFile() throws Exception {
    Path config = configure(Store.FILE);
    try (Connection aegis = DriverManager.getConnection(db.aegisUrl(schema, "aegis.config=" + config),
        db.credentials())) {
      int first = insert(aegis);
      int pii = addAndPromote("pii");

      insertUntilStoredUnder(aegis, pii, primary("pci"));
      assertReads(aegis, first);
    }
  }
}

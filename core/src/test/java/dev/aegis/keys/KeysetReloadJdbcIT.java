package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lockout.ManualTime;
import dev.aegis.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload with keysets in {@code aegis_keysets} on a real server, driven through its hooks: a key
 * promoted in the table is picked up, and a server that is down, a connection killed mid-read or a row
 * garbled by SQL keep the keys in use.
 */
class KeysetReloadJdbcIT {
  private static final String CONFIG = """
      keys:
        master: file:master.json
        keysets: jdbc
        refresh: 24h
      columns:
        customers.email: { mode: deterministic, key: pii }
      """;

  @TempDir Path dir;
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** What the reload's connections do: 0 connect, 1 refuse (server down), 2 connect and be killed at once. */
  private final AtomicInteger server = new AtomicInteger();
  private TestDatabase db;
  private String schema;
  private MasterKey master;
  private JdbcKeysetStore store;
  private EncryptedColumns columns;
  private KeysetReload reload;

  @BeforeEach
  void start() throws Exception {
    db = TestDatabase.shared();
    schema = db.createDatabase("keyreload");
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    master = loadMaster();
    store = new JdbcKeysetStore(() -> db.connectPlain(schema));
    store.write(Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), master);
    AegisConfig config = ConfigReader.parse(CONFIG, "aegis.yml");
    LoadedKeysets loaded = LoadedKeysets.read(store, master);
    columns = EncryptedColumns.of(config, loaded.handles(), Set.of());
    reload = KeysetReload.start(new JdbcKeysetStore(this::connect), this::loadMaster, loaded, Set.of("pii"),
        columns::rekey, config.keys(), events::add, registry, new ManualTime());
  }

  @AfterEach
  void stop() {
    reload.stop();
  }

  private MasterKey loadMaster() throws dev.aegis.error.AegisConfigurationException {
    return MasterKey.load(Location.parse("file:master.json", EnumSet.of(Location.Scheme.FILE)), dir, name -> null);
  }

  private Connection connect() throws SQLException {
    switch (server.get()) {
      case 1 -> throw new SQLNonTransientConnectionException("Could not connect: the last packet was sent "
          + System.nanoTime() + " ms ago", "08001");
      case 2 -> {
        Connection doomed = db.connectPlain(schema);
        long id;
        try (Statement s = doomed.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
          rs.next();
          id = rs.getLong(1);
        }
        try (Connection admin = db.connectPlain(schema); Statement s = admin.createStatement()) {
          s.execute("KILL CONNECTION " + id);
        }
        return doomed;
      }
      default -> {
        return db.connectPlain(schema);
      }
    }
  }

  private ProtectedColumn email() {
    return columns.find(null, "customers", "email");
  }

  private int primaryInUse() throws Exception {
    return CiphertextFormat.keyIdOf(Base64.getDecoder().decode((String) email().seal("ada@example.com")));
  }

  private int addAndPromote() throws Exception {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(store.read(master).get("pii"));
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
        .withRandomId().makePrimary());
    KeysetHandle next = builder.build();
    store.write(Map.of("pii", next), master);
    return next.getPrimary().getId();
  }

  private List<SecurityEvent> failures() {
    return events.stream().filter(e -> e.rule().equals(KeyEvents.RELOAD_FAILED)).toList();
  }

  @Test
  void aKeyPromotedInTheTableIsUsedAfterTheNextRead() throws Exception {
    int before = primaryInUse();
    Object old = email().seal("ada@example.com");
    int promoted = addAndPromote();

    assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");

    assertThat(primaryInUse()).isEqualTo(promoted).isNotEqualTo(before);
    assertThat(email().open(Base64.getDecoder().decode((String) old))).isEqualTo("ada@example.com");
    assertThat(events).extracting(SecurityEvent::rule).containsExactly(KeyEvents.RELOADED);
    assertThat(events.get(0).detail()).contains("table aegis_keysets").contains(Integer.toUnsignedString(promoted) + " (primary)");
  }

  @Test
  void aServerThatIsDownKeepsTheKeysInUseAndIsReportedOnceWhileItStaysDown() throws Exception {
    int before = primaryInUse();
    addAndPromote();
    server.set(1);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");
    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");
    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(primaryInUse()).isEqualTo(before);
    assertThat(registry.counter("aegis.keys.reloads", "outcome", "failed").count()).isEqualTo(3);
    // Three messages differing in a number only are one problem.
    assertThat(failures()).hasSize(1);
    assertThat(failures().get(0).detail()).contains("table aegis_keysets cannot be read (SQLState 08001");

    server.set(0);
    assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");
    assertThat(primaryInUse()).isNotEqualTo(before);
  }

  @Test
  void aConnectionKilledMidReadKeepsTheKeysInUse() throws Exception {
    int before = primaryInUse();
    int promoted = addAndPromote();
    server.set(2);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(primaryInUse()).isEqualTo(before);
    assertThat(failures()).hasSize(1);
    assertThat(failures().get(0).detail()).contains("table aegis_keysets cannot be read");
    server.set(0);
    assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");
    assertThat(primaryInUse()).isEqualTo(promoted);
  }

  @Test
  void aRowGarbledBySqlKeepsTheKeysInUseUntilItIsRestored() throws Exception {
    int before = primaryInUse();
    Map<String, String> good = store.readSealed();
    try (Connection c = db.connectPlain(schema); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE aegis_keysets SET keyset = '{\"keyset\": \"garbage\"}' WHERE name = 'pii'");
    }

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");
    assertThat(primaryInUse()).isEqualTo(before);
    assertThat(failures().get(0).detail()).contains("keyset 'pii' in table aegis_keysets does not decrypt");

    store.replaceSealed(good);
    assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
    assertThat(primaryInUse()).isEqualTo(before);
  }
}

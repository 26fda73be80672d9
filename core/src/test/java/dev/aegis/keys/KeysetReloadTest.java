package dev.aegis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.encrypt.EncryptedColumns;
import dev.aegis.encrypt.ProtectedColumn;
import dev.aegis.error.AegisConfigurationException;
import dev.aegis.events.SecurityEvent;
import dev.aegis.lockout.ManualTime;
import dev.aegis.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload of a running configuration's keys, driven through its hooks (no waiting for the interval) with
 * a file store: what changes reach the columns, what failures keep the keys in use, what is logged, counted
 * and raised, and when keys due for rotation are warned about.
 */
class KeysetReloadTest {
  private static final Location MASTER = Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class));
  /** A long interval: the background thread stays out of the way and the tests drive every read. */
  private static final String CONFIG = """
      keys:
        master: file:master.json
        keysets: file:keysets.json
        refresh: 24h
        rotation-days: 90
      columns:
        customers.email: { mode: deterministic, key: pii }
        customers.phone: { mode: randomized, key: pci }
      """;

  @TempDir Path dir;
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ManualTime time = new ManualTime();
  private MasterKey master;
  private FileKeysetStore store;
  private EncryptedColumns columns;
  private KeysetReload reload;

  @BeforeEach
  void keys() throws Exception {
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    master = loadMaster();
    store = new FileKeysetStore(dir.resolve("keysets.json"));
  }

  @AfterEach
  void stop() {
    if (reload != null) {
      reload.stop();
    }
  }

  private MasterKey loadMaster() throws AegisConfigurationException {
    return MasterKey.load(MASTER, dir, name -> null);
  }

  /** Stores fresh keysets dated {@code created}, loads them as a first connect does, and starts the reload. */
  private void start(String config, Instant created) throws Exception {
    Map<String, KeysetHandle> keysets = Map.of("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC),
        "pci", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED));
    store.replaceSealed(sealDated(keysets, created));
    AegisConfig parsed = ConfigReader.parse(config, "aegis.yml");
    LoadedKeysets loaded = LoadedKeysets.read(store, master);
    columns = EncryptedColumns.of(parsed, loaded.handles(), Set.of());
    reload = KeysetReload.start(store, this::loadMaster, loaded, Set.of("pii", "pci"), columns::rekey,
        parsed.keys(), events::add, registry, time);
  }

  private void start() throws Exception {
    start(CONFIG, ManualTime.START);
  }

  private Map<String, String> sealDated(Map<String, KeysetHandle> keysets, Instant created) throws Exception {
    Map<String, String> sealed = new TreeMap<>();
    for (Map.Entry<String, KeysetHandle> entry : keysets.entrySet()) {
      Map<Integer, Instant> dates = new TreeMap<>();
      for (int i = 0; i < entry.getValue().size(); i++) {
        dates.put(entry.getValue().getAt(i).getId(), created);
      }
      sealed.put(entry.getKey(), EncryptedKeyset.seal(entry.getKey(), entry.getValue(), dates, created, master));
    }
    return sealed;
  }

  private KeysetHandle stored(String name) throws Exception {
    return store.read(master).get(name);
  }

  /** Adds a key to keyset {@code name} in the store and makes it primary, as another instance's CLI would. */
  private int addAndPromote(String name) throws Exception {
    KeysetHandle current = stored(name);
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(name.equals("pii")
        ? PredefinedDeterministicAeadParameters.AES256_SIV : PredefinedAeadParameters.AES256_GCM)
        .withRandomId().makePrimary());
    KeysetHandle next = builder.build();
    store.write(Map.of(name, next), master);
    return next.getPrimary().getId();
  }

  private ProtectedColumn email() {
    return columns.find(null, "customers", "email");
  }

  private ProtectedColumn phone() {
    return columns.find(null, "customers", "phone");
  }

  private static int keyIdOf(Object sealed) {
    return CiphertextFormat.keyIdOf(Base64.getDecoder().decode((String) sealed));
  }

  private double reloads(String outcome) {
    return registry.counter("aegis.keys.reloads", "outcome", outcome).count();
  }

  private List<SecurityEvent> events(String rule) {
    return events.stream().filter(e -> e.rule().equals(rule)).toList();
  }

  /** The secret bytes of every key of {@code keyset}, base64 as Tink's JSON holds them: what must never leak. */
  private static List<String> keyMaterial(KeysetHandle keyset) throws Exception {
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).findValues("value").stream()
        .map(v -> v.asText()).toList();
  }

  @Test
  void anUnchangedStoreChangesNothing() throws Exception {
    start();
    int primary = keyIdOf(email().seal("ada@example.com"));

    assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
    assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");

    assertThat(reloads("unchanged")).isEqualTo(2);
    assertThat(reloads("changed")).isZero();
    assertThat(events).isEmpty();
    assertThat(keyIdOf(email().seal("ada@example.com"))).isEqualTo(primary);
  }

  @Test
  void aKeyAddedAndPromotedInTheStoreIsUsedForNewValuesWhileOldValuesStillOpen() throws Exception {
    start();
    int before = stored("pii").getPrimary().getId();
    Object oldEmail = email().seal("ada@example.com");
    Object oldPhone = phone().seal("+44 20 7946 0000");
    int newPii = addAndPromote("pii");
    int newPci = addAndPromote("pci");

    try (LogCapture log = LogCapture.start()) {
      assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");

      String line = log.await(l -> l.contains("Aegis keys reloaded"), Duration.ofSeconds(5));
      assertThat(line).contains("INFO").contains("keyset 'pii' now has keys " + Integer.toUnsignedString(before) + " (enabled), "
          + Integer.toUnsignedString(newPii)
          + " (primary) (had key " + Integer.toUnsignedString(before) + " (primary))");
      for (String secret : keyMaterial(stored("pii"))) {
        assertThat(line).doesNotContain(secret);
      }
    }

    assertThat(keyIdOf(email().seal("grace@example.com"))).isEqualTo(newPii);
    assertThat(keyIdOf(phone().seal("+44 20 7946 0001"))).isEqualTo(newPci);
    assertThat(email().open(Base64.getDecoder().decode((String) oldEmail))).isEqualTo("ada@example.com");
    assertThat(phone().open(Base64.getDecoder().decode((String) oldPhone))).isEqualTo("+44 20 7946 0000");
    // Mid-rotation a deterministic search matches the value under both enabled keys.
    assertThat(email().searchWidth()).isEqualTo(2);
    assertThat(reloads("changed")).isEqualTo(1);
    SecurityEvent reloaded = events(KeyEvents.RELOADED).get(0);
    assertThat(reloaded.category()).isEqualTo("keys");
    assertThat(reloaded.severity()).isEqualTo("info");
    assertThat(reloaded.action()).isEqualTo("allow");
    assertThat(reloaded.detail()).contains("keyset 'pci' now has").contains(Integer.toUnsignedString(newPci) + " (primary)");
    assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
  }

  @Test
  void aGarbledStoreKeepsTheKeysInUseReportsOnceAndRecoversWhenFixed() throws Exception {
    start();
    Path file = dir.resolve("keysets.json");
    byte[] good = Files.readAllBytes(file);
    int primary = stored("pii").getPrimary().getId();
    Object written = email().seal("ada@example.com");
    Files.writeString(file, "{\"pii\": \"garbage");

    try (LogCapture log = LogCapture.start()) {
      assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");
      assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

      assertThat(keyIdOf(email().seal("grace@example.com"))).isEqualTo(primary);
      assertThat(email().open(Base64.getDecoder().decode((String) written))).isEqualTo("ada@example.com");
      assertThat(reloads("failed")).isEqualTo(2);
      List<SecurityEvent> failed = events(KeyEvents.RELOAD_FAILED);
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).severity()).isEqualTo("high");
      assertThat(failed.get(0).action()).isEqualTo("alert");
      assertThat(failed.get(0).detail()).contains(file.toString()).contains("is not a JSON object")
          .contains("The keys loaded before stay in use");
      List<String> warnings = log.drain().stream().filter(l -> l.contains("WARN")).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains("keys loaded before stay in use");

      Files.write(file, good);
      assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
      log.await(l -> l.contains("INFO") && l.contains("reads and opens again"), Duration.ofSeconds(5));
    }

    // A problem after the recovery is a new problem: reported again.
    Files.delete(file);
    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");
    assertThat(events(KeyEvents.RELOAD_FAILED)).hasSize(2);
    assertThat(events(KeyEvents.RELOAD_FAILED).get(1).detail()).startsWith("Aegis keys could not be reloaded: the"
        + " keyset file " + file + " does not exist. The keys loaded before stay in use")
        .contains("Restore or fix what is named above").doesNotContain("aegis keys init");
  }

  @Test
  void aKeysetThatDoesNotOpenUnderTheMasterKeyKeepsTheKeysInUse() throws Exception {
    start();
    int primary = stored("pii").getPrimary().getId();
    MasterKey stranger = MasterKey.load(MASTER, writeMaster(dir.resolve("other"), MasterKey.generate()),
        name -> null);
    Map<String, String> sealed = new TreeMap<>(store.readSealed());
    sealed.put("pii", EncryptedKeyset.seal("pii", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC), Map.of(),
        Instant.now(), stranger));
    store.replaceSealed(sealed);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(events(KeyEvents.RELOAD_FAILED).get(0).detail())
        .contains("keyset 'pii' in " + dir.resolve("keysets.json") + " does not decrypt under the master key");
    assertThat(keyIdOf(email().seal("ada@example.com"))).isEqualTo(primary);
  }

  @Test
  void aKeysetMissingForAColumnKeepsEveryColumnOnItsKeys() throws Exception {
    start();
    int piiPrimary = stored("pii").getPrimary().getId();
    int pciPrimary = stored("pci").getPrimary().getId();
    Map<String, String> sealed = new TreeMap<>(store.readSealed());
    sealed.remove("pci");
    addAndPromote("pii");
    sealed.put("pii", store.readSealed().get("pii"));
    store.replaceSealed(sealed);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(events(KeyEvents.RELOAD_FAILED).get(0).detail())
        .contains("keyset 'pci' of encrypted column customers.phone is not in the keyset store");
    // All or none: pii, which did change, is not taken either.
    assertThat(keyIdOf(email().seal("ada@example.com"))).isEqualTo(piiPrimary);
    assertThat(keyIdOf(phone().seal("+1 555 0100"))).isEqualTo(pciPrimary);
  }

  @Test
  void aKeysetOfTheWrongModeForItsColumnKeepsTheKeysInUse() throws Exception {
    start();
    store.write(Map.of("pci", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC)), master);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(events(KeyEvents.RELOAD_FAILED).get(0).detail()).contains("keyset 'pci' holds no key for"
        + " randomized encryption");
    assertThat(phone().open(Base64.getDecoder().decode((String) phone().seal("+1 555 0100"))))
        .isEqualTo("+1 555 0100");
  }

  @Test
  void aMasterKeyRotatedInPlaceIsReadAgainSoTheReWrappedKeysetsOpen() throws Exception {
    start();
    int primary = stored("pii").getPrimary().getId();
    Object written = email().seal("ada@example.com");
    // The operator adds a key to the master keyset and makes it primary, then re-wraps every keyset.
    Path masterFile = dir.resolve("master.json");
    KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(masterFile),
        InsecureSecretKeyAccess.get());
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(old);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
        .makePrimary());
    replaceMaster(masterFile, TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(),
        InsecureSecretKeyAccess.get()));
    MasterKey rotated = loadMaster();
    store.rewrap(master, rotated);
    // Only the master key as it is now in the file opens them: the one loaded at start alone does not.
    assertThatThrownBy(() -> LoadedKeysets.read(store, master)).isInstanceOf(AegisConfigurationException.class);

    assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");

    assertThat(events(KeyEvents.RELOADED).get(0).detail()).contains("keyset 'pii' stored anew with the same key "
        + Integer.toUnsignedString(primary) + " (primary)");
    assertThat(email().open(Base64.getDecoder().decode((String) written))).isEqualTo("ada@example.com");
    assertThat(keyIdOf(email().seal("ada@example.com"))).isEqualTo(primary);
    assertThat(reload.current().master().toString()).contains(masterFile.toString());
  }

  @Test
  void aMasterKeyFileMissingWhenTheKeysetsChangeKeepsTheKeysInUse() throws Exception {
    start();
    int primary = stored("pii").getPrimary().getId();
    addAndPromote("pii");
    Files.delete(dir.resolve("master.json"));

    assertThat(KeysHooks.refresh(reload)).isEqualTo("failed");

    assertThat(events(KeyEvents.RELOAD_FAILED).get(0).detail()).contains("master key file")
        .contains("does not exist");
    assertThat(keyIdOf(email().seal("ada@example.com"))).isEqualTo(primary);
  }

  @Test
  void anEventSinkThatThrowsDoesNotStopTheReload() throws Exception {
    start();
    AegisConfig parsed = ConfigReader.parse(CONFIG, "aegis.yml");
    LoadedKeysets loaded = LoadedKeysets.read(store, master);
    EncryptedColumns own = EncryptedColumns.of(parsed, loaded.handles(), Set.of());
    KeysetReload throwing = KeysetReload.start(store, this::loadMaster, loaded, Set.of("pii", "pci"), own::rekey,
        parsed.keys(), event -> {
          throw new IllegalStateException("sink down");
        }, registry, time);
    try {
      int next = addAndPromote("pii");

      assertThat(KeysHooks.refresh(throwing)).isEqualTo("changed");
      assertThat(keyIdOf(own.find(null, "customers", "email").seal("ada@example.com"))).isEqualTo(next);
    } finally {
      throwing.stop();
    }
  }

  @Test
  void aKeyNearingItsRotationDateIsWarnedAboutOncePerDay() throws Exception {
    start();
    assertThat(events).as("fresh keys at start").isEmpty();

    time.advance(Duration.ofDays(85));
    List<RotationDue> raised = KeysHooks.checkRotation(reload);
    assertThat(raised).extracting(RotationDue::keyset).containsExactly("pci", "pii");
    assertThat(KeysHooks.checkRotation(reload)).as("the same day").isEmpty();
    assertThat(KeysHooks.refresh(reload)).isEqualTo("unchanged");
    assertThat(events(KeyEvents.ROTATION_DUE)).hasSize(2);
    SecurityEvent pii = events(KeyEvents.ROTATION_DUE).get(1);
    assertThat(pii.detail()).startsWith("key rotation due in 5 days: keyset 'pii', primary key "
        + Integer.toUnsignedString(stored("pii").getPrimary().getId()) + ", is 85 days old (added 2026-11-23) and due on 2027-02-21");
    assertThat(pii.severity()).isEqualTo("low");
    assertThat(pii.action()).isEqualTo("alert");

    time.advance(Duration.ofDays(1));
    assertThat(KeysHooks.checkRotation(reload)).extracting(RotationDue::days).containsExactly(4L, 4L);

    time.advance(Duration.ofDays(7));
    List<RotationDue> overdue = KeysHooks.checkRotation(reload);
    assertThat(overdue).extracting(RotationDue::state).containsOnly(RotationDue.State.OVERDUE);
    assertThat(events(KeyEvents.ROTATION_DUE).get(5).detail()).startsWith("key rotation overdue by 3 days");
    assertThat(events(KeyEvents.ROTATION_DUE).get(5).severity()).isEqualTo("medium");
  }

  @Test
  void aKeyPromotedAfterTheWarningSilencesIt() throws Exception {
    start(CONFIG, ManualTime.START.minus(Duration.ofDays(100)));
    assertThat(events(KeyEvents.ROTATION_DUE)).as("overdue at start").hasSize(2);
    addAndPromote("pii");
    addAndPromote("pci");
    assertThat(KeysHooks.refresh(reload)).isEqualTo("changed");

    time.advance(Duration.ofDays(1));
    // The new keys are dated by the real clock, which this test's clock is not ahead of by 83 days.
    assertThat(KeysHooks.checkRotation(reload)).isEmpty();
  }

  @Test
  void aKeyWithoutADateIsReportedOnceWithHowToFixIt() throws Exception {
    KeysetHandle pii = ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC);
    KeysetHandle pci = ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED);
    Map<String, String> tinkOnly = new TreeMap<>();
    for (Map.Entry<String, KeysetHandle> entry : Map.of("pii", pii, "pci", pci).entrySet()) {
      tinkOnly.put(entry.getKey(), TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(entry.getValue(),
          master.aead(), ("aegis-keyset:" + entry.getKey()).getBytes(StandardCharsets.UTF_8)));
    }
    store.replaceSealed(tinkOnly);
    AegisConfig parsed = ConfigReader.parse(CONFIG, "aegis.yml");
    LoadedKeysets loaded = LoadedKeysets.read(store, master);
    columns = EncryptedColumns.of(parsed, loaded.handles(), Set.of());
    reload = KeysetReload.start(store, this::loadMaster, loaded, Set.of("pii"), columns::rekey, parsed.keys(),
        events::add, registry, time);

    assertThat(events(KeyEvents.AGE_UNKNOWN)).hasSize(1);
    assertThat(events(KeyEvents.AGE_UNKNOWN).get(0).detail()).startsWith("key age unknown: keyset 'pii'")
        .contains("aegis keys rotate");
    time.advance(Duration.ofDays(1));
    assertThat(KeysHooks.checkRotation(reload)).isEmpty();
    assertThat(events).hasSize(1);
  }

  @Test
  void withRefreshOffTheStoreIsNotReadButRotationIsStillChecked() throws Exception {
    start(CONFIG.replace("refresh: 24h", "refresh: off"), ManualTime.START.minus(Duration.ofDays(88)));
    addAndPromote("pii");

    assertThat(KeysHooks.refresh(reload)).isEqualTo("off");
    assertThat(events(KeyEvents.ROTATION_DUE)).extracting(SecurityEvent::detail)
        .allMatch(d -> d.startsWith("key rotation due in 2 days"));
    assertThat(reloads("unchanged") + reloads("changed") + reloads("failed")).isZero();
  }

  @Test
  void theWorkStopsOnceTheHandleIsDropped() throws Exception {
    start();
    KeysetReloadWorker worker = reload.worker();
    WeakReference<KeysetReload> handle = new WeakReference<>(reload);
    reload = null;
    assertThat(worker.stopped()).isFalse();

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!worker.stopped() && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertThat(handle.get()).isNull();
    assertThat(worker.stopped()).as("cancelled by the cleaner").isTrue();
  }

  private static Path writeMaster(Path directory, String json) throws Exception {
    Files.createDirectories(directory);
    MasterKey.writeFile(directory.resolve("master.json"), json);
    return directory;
  }

  private static void replaceMaster(Path file, String json) throws Exception {
    Path temporary = Files.createTempFile(file.getParent(), ".master", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, json);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

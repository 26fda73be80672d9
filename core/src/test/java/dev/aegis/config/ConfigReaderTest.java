package dev.aegis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.aegis.config.Location.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What valid configurations read as. Errors are in {@link ConfigReaderErrorTest}. */
class ConfigReaderTest {
  /** The example configuration of DESIGN.md, comments included. */
  static final String DESIGN_EXAMPLE = """
      keys:
        master: file:keys/master.json    # key-encryption key: file:PATH | env:VAR (| KMS URIs later)
        keysets: file:keys/keysets.json  # encrypted Tink keysets by name: file:PATH | jdbc (table in the database)
      columns:
        customers.email:      { mode: deterministic, key: pii }
        customers.phone:      { mode: randomized,    key: pii }
        payments.card_number: { mode: randomized,    key: pci }
      detection:
        mode: enforce           # off | learn | monitor | enforce
        block-threshold: 0.8    # verdict score at or above which enforce blocks
        allowlist: file:aegis-allowlist.txt
      """;

  @Test
  void designExampleReadsIntoTheExpectedRecords() throws Exception {
    AegisConfig config = ConfigReader.parse(DESIGN_EXAMPLE, "aegis.yml");

    assertThat(config.keys().master()).isEqualTo(new Location(Scheme.FILE, "keys/master.json"));
    assertThat(config.keys().keysets()).isEqualTo(new Location(Scheme.FILE, "keys/keysets.json"));
    assertThat(config.columns()).containsOnly(
        entry(new ColumnRef(null, "customers", "email"), new ColumnConfig(EncryptionMode.DETERMINISTIC, "pii")),
        entry(new ColumnRef(null, "customers", "phone"), new ColumnConfig(EncryptionMode.RANDOMIZED, "pii")),
        entry(new ColumnRef(null, "payments", "card_number"), new ColumnConfig(EncryptionMode.RANDOMIZED, "pci")));
    assertThat(config.detection().mode()).isEqualTo(DetectionMode.ENFORCE);
    assertThat(config.detection().blockThreshold()).isEqualTo(0.8);
    assertThat(config.detection().allowlist()).isEqualTo(new Location(Scheme.FILE, "aegis-allowlist.txt"));
  }

  @Test
  void columnKeysAreFoundByParsedName() throws Exception {
    AegisConfig config = ConfigReader.parse(DESIGN_EXAMPLE, "aegis.yml");

    assertThat(config.columns().get(ColumnRef.valueOf("CUSTOMERS.Email")).mode())
        .isEqualTo(EncryptionMode.DETERMINISTIC);
    assertThat(config.columns().get(ColumnRef.valueOf("payments.card_number")).key()).isEqualTo("pci");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n", "# everything commented out\n#detection:\n#  mode: enforce\n", "---\n"})
  void emptyFileGivesTheDefaults(String yaml) throws Exception {
    AegisConfig config = ConfigReader.parse(yaml, "aegis.yml");

    assertThat(config).isEqualTo(AegisConfig.defaults());
    assertThat(config.detection().mode()).isEqualTo(DetectionMode.MONITOR);
    assertThat(config.detection().blockThreshold()).isEqualTo(0.8);
    assertThat(config.detection().allowlist()).isNull();
    assertThat(config.columns()).isEmpty();
    assertThat(config.keys().master()).isNull();
    assertThat(config.keys().keysets()).isNull();
  }

  @Test
  void missingDetectionSectionGivesMonitorMode() throws Exception {
    AegisConfig config = ConfigReader.parse("""
        columns:
          customers.email: { key: pii }
        """, "aegis.yml");

    assertThat(config.detection()).isEqualTo(new DetectionConfig(DetectionMode.MONITOR, 0.8, null));
    assertThat(config.keys().master()).isNull();
    assertThat(config.columns()).hasSize(1);
  }

  @Test
  void missingColumnsSectionMeansNoEncryptedColumns() throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  mode: learn\n", "aegis.yml");

    assertThat(config.columns()).isEmpty();
    assertThat(config.detection().mode()).isEqualTo(DetectionMode.LEARN);
    assertThat(config.detection().blockThreshold()).isEqualTo(DetectionConfig.DEFAULT_BLOCK_THRESHOLD);
  }

  @Test
  void emptySectionsTakeTheirDefaults() throws Exception {
    AegisConfig config = ConfigReader.parse("keys:\ncolumns:\ndetection: {}\n", "aegis.yml");

    assertThat(config).isEqualTo(AegisConfig.defaults());
  }

  @Test
  void columnModeDefaultsToRandomized() throws Exception {
    AegisConfig config = ConfigReader.parse("columns:\n  customers.email: { key: pii }\n", "aegis.yml");

    assertThat(config.columns().get(ColumnRef.valueOf("customers.email")))
        .isEqualTo(new ColumnConfig(EncryptionMode.RANDOMIZED, "pii"));
  }

  @Test
  void aColumnMayBeInMigration() throws Exception {
    AegisConfig config = ConfigReader.parse("""
        columns:
          customers.email: { mode: deterministic, key: pii, migration: encrypting }
          customers.phone: { key: pii, migration: decrypting }
        """, "aegis.yml");

    assertThat(config.columns().get(ColumnRef.valueOf("customers.email")).migration())
        .isEqualTo(Migration.ENCRYPTING);
    assertThat(config.columns().get(ColumnRef.valueOf("customers.phone")).migration())
        .isEqualTo(Migration.DECRYPTING);
    assertThat(new ColumnConfig(EncryptionMode.RANDOMIZED, "pii").migrating()).isFalse();
  }

  @Test
  void columnsMayBeWrittenAsBlocksWithSchemaAndAnyCase() throws Exception {
    AegisConfig config = ConfigReader.parse("""
        columns:
          Shop.Customers.Email:
            mode: deterministic
            key: pii.v2
        """, "aegis.yml");

    assertThat(config.columns()).containsOnly(
        entry(new ColumnRef("shop", "customers", "email"),
            new ColumnConfig(EncryptionMode.DETERMINISTIC, "pii.v2")));
    assertThat(config.columns().keySet()).map(ColumnRef::toString).containsExactly("shop.customers.email");
  }

  @Test
  void environmentMasterKeyAndKeysetsInTheDatabase() throws Exception {
    AegisConfig config = ConfigReader.parse("""
        keys:
          master: env:AEGIS_MASTER_KEY
          keysets: jdbc
        detection:
          allowlist: jdbc
        """, "aegis.yml");

    assertThat(config.keys().master()).isEqualTo(new Location(Scheme.ENV, "AEGIS_MASTER_KEY"));
    assertThat(config.keys().keysets()).isEqualTo(new Location(Scheme.JDBC, ""));
    assertThat(config.keys().keysets()).hasToString("jdbc");
    assertThat(config.detection().allowlist().scheme()).isEqualTo(Scheme.JDBC);
  }

  @ParameterizedTest
  @CsvSource({"off, OFF", "learn, LEARN", "monitor, MONITOR", "enforce, ENFORCE"})
  void everyDetectionModeIsRead(String written, DetectionMode expected) throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  mode: " + written + "\n", "aegis.yml");

    assertThat(config.detection().mode()).isEqualTo(expected);
  }

  /** YAML 1.1 reads a bare off (and on, yes, no) as a boolean; users mean the mode. */
  @ParameterizedTest
  @ValueSource(strings = {"detection:\n  mode: off", "detection:\n  mode: 'off'", "detection:\n  mode: \"off\"",
      "detection: { mode: off }"})
  void offMeansDetectionOffQuotedOrNot(String yaml) throws Exception {
    assertThat(ConfigReader.parse(yaml, "aegis.yml").detection().mode()).isEqualTo(DetectionMode.OFF);
  }

  @ParameterizedTest
  @CsvSource({"0, 0.0", "0.0, 0.0", "1, 1.0", "1.0, 1.0", "0.35, 0.35"})
  void blockThresholdFromZeroToOneIsAccepted(String written, double expected) throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  block-threshold: " + written + "\n", "aegis.yml");

    assertThat(config.detection().blockThreshold()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"10s, 10000", "500ms, 500", "5m, 300000", "1h, 3600000", "PT2S, 2000", "' 30 s', 30000"})
  void allowlistRefreshIsAnIntervalWithAUnit(String written, long millis) throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\n  allowlist-refresh: '" + written + "'\n", "aegis.yml");

    assertThat(config.detection().allowlistRefresh()).isEqualTo(java.time.Duration.ofMillis(millis));
    assertThat(ConfigReader.parse("detection:\n  mode: learn\n", "aegis.yml").detection().allowlistRefresh())
        .isEqualTo(java.time.Duration.ofSeconds(10));
  }

  @Test
  void windowsLineEndingsAreFine() throws Exception {
    AegisConfig config = ConfigReader.parse("detection:\r\n  mode: enforce\r\n  block-threshold: 0.9\r\n",
        "aegis.yml");

    assertThat(config.detection()).isEqualTo(new DetectionConfig(DetectionMode.ENFORCE, 0.9, null));
  }

  @Test
  void readConfigurationIsImmutable() throws Exception {
    AegisConfig config = ConfigReader.parse(DESIGN_EXAMPLE, "aegis.yml");

    assertThat(config.columns()).isUnmodifiable();
  }
}

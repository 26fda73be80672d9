package dev.aegis.benchmarks.overhead;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.benchmarks.stub.StubConnection;
import dev.aegis.benchmarks.stub.StubDataSource;
import dev.aegis.config.AegisConfig;
import dev.aegis.config.ConfigReader;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.error.AegisSqlState;
import dev.aegis.jdbc.AegisDataSource;
import dev.aegis.keys.KeysetFile;
import dev.aegis.keys.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The Aegis arms of {@link OverheadBenchmark}, each built over a stub and checked to do what its name says
 * before anything is measured.
 */
final class AegisArms {
  private AegisArms() {}

  /** Detection blocking what it judges an attack; everything else as without configuration. */
  static final String ENFORCE_CONFIG = """
      detection: { mode: enforce }
      """;

  /**
   * Two deterministic columns (the lookup's parameters) and a randomized one, keys in files beside the
   * configuration. The schema check is off: it reads information_schema, which the stub does not have
   * (columns are then taken as character columns, whose ciphertext is base64 text).
   */
  static final String ENCRYPTED_CONFIG = """
      keys: { master: file:master.json, keysets: file:keysets.json }
      columns:
        customers.email:       { mode: deterministic, key: pii-search }
        customers.national_id: { mode: deterministic, key: pii-search }
        customers.phone:       { mode: randomized, key: pii }
      encryption: { schema-check: off }
      detection: { mode: enforce }
      """;

  /**
   * {@code AegisDataSource.wrap(stub)} with no configuration (detection in monitor mode, nothing encrypted):
   * checked to pass the lookup through unchanged and to let an injection through, as monitor mode does.
   */
  static DataSource passThrough(StubDataSource stub) throws SQLException {
    Check.that(System.getProperty("aegis.config") == null && System.getenv("AEGIS_CONFIG") == null,
        "no aegis.config system property and no AEGIS_CONFIG variable: the pass-through arm runs without"
            + " configuration");
    DataSource aegis = AegisDataSource.wrap(stub);
    try (Connection connection = aegis.getConnection()) {
      StubConnection delegate = delegate(connection);
      checkLookup(connection, delegate, "pass-through");
      Work.inlined(connection, Customers.INJECTION);
      Check.that(Customers.INJECTION.equals(delegate.lastSql()),
          "pass-through (monitor) lets an injection reach the driver, where enforce would block it");
    }
    return aegis;
  }

  /** Detection in enforce mode: checked to pass the lookup and the inlined lookup, and to block an injection. */
  static DataSource enforce(StubDataSource stub) throws SQLException {
    AegisConfig config = ConfigReader.parse(ENFORCE_CONFIG, "OverheadBenchmark enforce configuration");
    DataSource aegis = AegisDataSource.builder(stub).config(config).build();
    try (Connection connection = aegis.getConnection()) {
      StubConnection delegate = delegate(connection);
      checkLookup(connection, delegate, "enforce");
      String inlined = Customers.LOOKUP_INLINED + 7;
      Check.that(Work.inlined(connection, inlined).equals(expectedRow()) && inlined.equals(delegate.lastSql()),
          "enforce passes an inlined lookup unchanged");
      long executions = delegate.executions();
      try {
        Work.inlined(connection, Customers.INJECTION);
        throw new IllegalStateException("Benchmark set-up: expected enforce to block an injection, it passed");
      } catch (SQLException blocked) {
        Check.that(AegisSqlState.STATEMENT_BLOCKED.code().equals(blocked.getSQLState()),
            "an injection blocked with SQLState ZA100, got " + blocked.getSQLState() + ": " + blocked);
      }
      Check.that(delegate.executions() == executions, "the blocked injection never reached the driver");
    }
    return aegis;
  }

  /**
   * Encryption of two parameters in and two columns out, detection in enforce mode. The stub's row holds
   * real ciphertexts: an INSERT through Aegis (with the same keys) over a first stub says what a server
   * would store. Checked to send ciphertext for both parameters (the deterministic e-mail equal to the
   * stored one) and to read back the plaintexts.
   *
   * @param dir an empty directory for the configuration and its key files
   */
  static DataSource encrypted(Path dir) throws Exception {
    writeKeys(dir);
    String config = Files.writeString(dir.resolve("aegis.yml"), ENCRYPTED_CONFIG).toString();

    String storedEmail;
    String storedPhone;
    try (Connection connection = AegisDataSource.builder(Customers.emailTable("customers-insert", null, null))
        .config(config).build().getConnection()) {
      Work.insert(connection);
      StubConnection delegate = delegate(connection);
      storedEmail = ciphertext(delegate.lastParameter(1), Customers.EMAIL, "the INSERT's e-mail");
      storedPhone = ciphertext(delegate.lastParameter(2), Customers.PHONE, "the INSERT's phone");
    }

    DataSource aegis = AegisDataSource.builder(Customers.emailTable("customers-encrypted", storedEmail,
        storedPhone)).config(config).build();
    try (Connection connection = aegis.getConnection()) {
      List<Object> read = Work.lookupByEmail(connection);
      StubConnection delegate = delegate(connection);
      Check.that(Customers.LOOKUP_BY_EMAIL.equals(delegate.lastSql()), "the lookup's SQL reaches the driver"
          + " unchanged, got " + delegate.lastSql());
      Check.that(storedEmail.equals(ciphertext(delegate.lastParameter(1), Customers.EMAIL, "the e-mail")),
          "the deterministic e-mail parameter equal to the stored ciphertext");
      ciphertext(delegate.lastParameter(2), Customers.NATIONAL_ID, "the national id");
      Check.that(List.of(Customers.EMAIL, Customers.PHONE).equals(read),
          "both encrypted columns read back as plaintext");
    }
    return aegis;
  }

  /** The lookup reaches the stub unchanged through {@code connection} and reads the stub's row. */
  static void checkLookup(Connection connection, StubConnection delegate, String arm) throws SQLException {
    List<Object> read = Work.lookup(connection);
    Check.that(expectedRow().equals(read), arm + " reads the stub's row, got " + read);
    Check.that(Customers.LOOKUP.equals(delegate.lastSql()) && delegate.lastParameterCount() == 1
        && Integer.valueOf(Customers.ID).equals(delegate.lastParameter(1)),
        arm + " hands the driver the lookup and its key unchanged");
  }

  static List<Object> expectedRow() {
    return List.of(Customers.ID, Customers.EMAIL, Customers.PHONE);
  }

  /** The stub connection under {@code connection}, which must be a wrapper of it, not the stub itself. */
  static StubConnection delegate(Connection connection) throws SQLException {
    Check.that(!(connection instanceof StubConnection) && connection.isWrapperFor(StubConnection.class),
        connection.getClass().getName() + " to wrap a stub connection");
    return connection.unwrap(StubConnection.class);
  }

  /** {@code value} as it reached the stub, checked to be Aegis ciphertext, not the plaintext. */
  private static String ciphertext(Object value, String plaintext, String what) {
    Check.that(value instanceof String, what + " to reach the driver as a string, got " + value);
    String text = (String) value;
    Check.that(!Objects.equals(text, plaintext) && CiphertextFormat.tagOfText(text) >= 0,
        what + " to reach the driver as Aegis ciphertext");
    return text;
  }

  /** A master key and the two keysets the encrypted configuration names, as {@code aegis keys init} makes them. */
  private static void writeKeys(Path dir) throws Exception {
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    MasterKey master = MasterKey.load(Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class)),
        dir, System::getenv);
    Map<String, KeysetHandle> keysets = Map.of(
        "pii", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED),
        "pii-search", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC));
    KeysetFile.write(dir.resolve("keysets.json"), keysets, master);
  }
}

package dev.aegis.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import dev.aegis.config.EncryptionMode;
import dev.aegis.config.Location;
import dev.aegis.crypto.CiphertextFormat;
import dev.aegis.crypto.ColumnCipher;
import dev.aegis.jdbc.AegisDataSource;
import dev.aegis.keys.KeysetFile;
import dev.aegis.keys.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What column encryption adds to one statement: the same prepared statements on canned connections (no
 * I/O) through Aegis configured without encrypted columns ({@code *Plain}) and with them
 * ({@code *Encrypted}), detection in monitor mode in both. The difference is the cost of encryption alone:
 * planning which parameters to encrypt, sealing bound values, tracing result columns through the metadata
 * and opening the values read.
 *
 * <p>The read binds two values of deterministic columns (equality on a randomized column is refused by
 * design, so the second parameter is a deterministic {@code national_id} rather than the randomized phone)
 * and reads back two encrypted columns, one deterministic and one randomized. The write binds one of each.
 * The canned row of the encrypted arm holds real ciphertexts, made once in the set-up by binding through
 * Aegis with the same keys, and the set-up checks each arm does what it says before anything is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EncryptionBenchmark {
  static final String SELECT = "SELECT email, phone FROM customers WHERE email = ? AND national_id = ?";
  static final String INSERT = "INSERT INTO customers (email, phone) VALUES (?, ?)";

  static final String EMAIL = "ada.lovelace@example.com";
  static final String PHONE = "+44 20 7946 0958";
  static final String NATIONAL_ID = "QQ 12 34 56 C";

  /** Detection as in both arms; the plain arm has no columns, so its pipeline never loads keys. */
  static final String PLAIN_CONFIG = """
      detection: { mode: monitor }
      """;
  /**
   * Key paths are relative to this file. The schema check is off: it would read information_schema,
   * which the canned connection does not have (columns are then taken as character columns: base64).
   */
  static final String ENCRYPTED_CONFIG = """
      keys: { master: file:master.json, keysets: file:keysets.json }
      columns:
        customers.email:       { mode: deterministic, key: pii-search }
        customers.national_id: { mode: deterministic, key: pii-search }
        customers.phone:       { mode: randomized, key: pii }
      encryption: { schema-check: off }
      detection: { mode: monitor }
      """;

  private Path dir;
  private CannedCustomers plainServer;
  private CannedCustomers encryptedServer;
  private Connection plain;
  private Connection encrypted;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("aegis-encryption-bench");
    writeKeys(dir);
    Path plainYaml = Files.writeString(dir.resolve("plain.yml"), PLAIN_CONFIG);
    Path encryptedYaml = Files.writeString(dir.resolve("encrypted.yml"), ENCRYPTED_CONFIG);

    plainServer = new CannedCustomers("email", "phone");
    plainServer.row(EMAIL, PHONE);
    encryptedServer = new CannedCustomers("email", "phone");
    // The first getConnection() of the encrypted source loads the master key and keysets.
    plain = AegisDataSource.builder(CannedJdbc.dataSource(plainServer.connection()))
        .config(plainYaml.toString()).build().getConnection();
    encrypted = AegisDataSource.builder(CannedJdbc.dataSource(encryptedServer.connection()))
        .config(encryptedYaml.toString()).build().getConnection();

    // The encrypted arm's stored row: what Aegis sends for an INSERT of the plaintexts, i.e. what a server
    // would hold after it. Checks on the way that the write arm encrypts both parameters.
    insert(encrypted);
    String storedEmail = ciphertext(encryptedServer.bound(1), EMAIL, "INSERT parameter 1 (email)");
    String storedPhone = ciphertext(encryptedServer.bound(2), PHONE, "INSERT parameter 2 (phone)");
    encryptedServer.row(storedEmail, storedPhone);

    // The read arm: both parameters reach the server as ciphertext (email's is the stored one, since the
    // column is deterministic) and both columns come back as plaintext.
    encryptedServer.clearBound();
    String[] read = read(encrypted);
    ciphertext(encryptedServer.bound(1), EMAIL, "SELECT parameter 1 (email)");
    ciphertext(encryptedServer.bound(2), NATIONAL_ID, "SELECT parameter 2 (national_id)");
    check(storedEmail.equals(encryptedServer.bound(1)), "deterministic email encrypts as it was stored");
    check(EMAIL.equals(read[0]) && PHONE.equals(read[1]), "encrypted columns read back as plaintext, got "
        + String.join(", ", read));

    // And the plain arm sends and reads plaintext: nothing in it is encrypted.
    insert(plain);
    check(EMAIL.equals(plainServer.bound(1)) && PHONE.equals(plainServer.bound(2)),
        "plain INSERT sends plaintext");
    plainServer.clearBound();
    read = read(plain);
    check(EMAIL.equals(plainServer.bound(1)) && NATIONAL_ID.equals(plainServer.bound(2)),
        "plain SELECT sends plaintext");
    check(EMAIL.equals(read[0]) && PHONE.equals(read[1]), "plain columns read as they are");
  }

  @TearDown
  public void tearDown() throws IOException, SQLException {
    plain.close();
    encrypted.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Benchmark
  public void readPlain(Blackhole bh) throws SQLException {
    read(plain, bh);
  }

  @Benchmark
  public void readEncrypted(Blackhole bh) throws SQLException {
    read(encrypted, bh);
  }

  @Benchmark
  public int insertPlain() throws SQLException {
    return insert(plain);
  }

  @Benchmark
  public int insertEncrypted() throws SQLException {
    return insert(encrypted);
  }

  /** Prepare, bind two values, execute, read two columns of the row, close: one lookup statement. */
  private static void read(Connection connection, Blackhole bh) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setString(1, EMAIL);
      statement.setString(2, NATIONAL_ID);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        bh.consume(rs.getString(1));
        bh.consume(rs.getString(2));
      }
    }
  }

  /** The same read for the set-up's checks, returning what it read (the measured one allocates nothing). */
  private static String[] read(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setString(1, EMAIL);
      statement.setString(2, NATIONAL_ID);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  /** Prepare, bind two values, execute the update, close. */
  private static int insert(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setString(1, EMAIL);
      statement.setString(2, PHONE);
      return statement.executeUpdate();
    }
  }

  /** A master key and the two keysets the encrypted configuration names, as {@code aegis keys init} makes them. */
  private static void writeKeys(Path dir) throws IOException, GeneralSecurityException, SQLException {
    MasterKey.writeFile(dir.resolve("master.json"), MasterKey.generate());
    MasterKey master = MasterKey.load(Location.parse("file:master.json", EnumSet.allOf(Location.Scheme.class)),
        dir, System::getenv);
    Map<String, KeysetHandle> keysets = Map.of(
        "pii", ColumnCipher.newKeyset(EncryptionMode.RANDOMIZED),
        "pii-search", ColumnCipher.newKeyset(EncryptionMode.DETERMINISTIC));
    KeysetFile.write(dir.resolve("keysets.json"), keysets, master);
  }

  /** {@code value} as it reached the canned server, checked to be Aegis ciphertext and not the plaintext. */
  private static String ciphertext(Object value, String plaintext, String what) {
    check(value instanceof String, what + " reached the server as a string, got " + value);
    String text = (String) value;
    check(!Objects.equals(text, plaintext) && CiphertextFormat.tagOfText(text) >= 0,
        what + " reached the server as Aegis ciphertext, got '" + text + "'");
    return text;
  }

  /** Fails the set-up, and so the run: figures for an arm that does not do its work would be meaningless. */
  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("EncryptionBenchmark set-up: expected " + what);
    }
  }
}

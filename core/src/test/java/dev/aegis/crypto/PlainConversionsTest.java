package dev.aegis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Text, bytes, streams and getObject; numbers and booleans are in {@link PlainConversionsNumericTest}, dates
 * and times in {@link PlainConversionsTemporalTest}.
 */
class PlainConversionsTest {
  static final String COLUMN = "card_no";

  /** What the driver holds after decryption: the value through the stored encoding and back. */
  static Object decoded(Object value) {
    return PlainValue.decode(PlainValue.encode(value));
  }

  /** The SQLException {@code call} throws, with its SQLState checked and no cause that could quote the value. */
  static SQLException failure(ThrowingCallable call, String sqlState) {
    SQLException failure = catchThrowableOfType(SQLException.class, call);
    assertThat((Throwable) failure).as("an SQLException with SQLState " + sqlState).isNotNull();
    assertThat(failure.getSQLState()).isEqualTo(sqlState);
    assertThat(failure.getCause()).isNull();
    return failure;
  }

  private static String text(Object value) throws SQLException {
    return PlainConversions.toString(decoded(value), COLUMN);
  }

  @Test
  void everyTypeReadsAsTheTextMysqlPrintsForIt() throws SQLException {
    assertThat(text("naïve café 🔒")).isEqualTo("naïve café 🔒");
    assertThat(text("naïve".getBytes(StandardCharsets.UTF_8))).isEqualTo("naïve");
    assertThat(text(42)).isEqualTo("42");
    assertThat(text(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(text(new BigDecimal("12345.6789000"))).as("a DECIMAL keeps its scale").isEqualTo("12345.6789000");
    assertThat(PlainConversions.toString(new BigDecimal("1E+3"), COLUMN)).isEqualTo("1000");
    assertThat(text(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
    assertThat(text(true)).isEqualTo("1");
    assertThat(text(false)).isEqualTo("0");
  }

  @Test
  void doublesReadAsMysqlPrintsThem() throws SQLException {
    assertThat(text(1.5)).isEqualTo("1.5");
    assertThat(text(2.0)).isEqualTo("2");
    assertThat(text(-300.0)).isEqualTo("-300");
    assertThat(text(0.1)).isEqualTo("0.1");
    assertThat(text(0.0)).isEqualTo("0");
    assertThat(text(123456789012345.0)).isEqualTo("123456789012345");
    assertThat(text(1e15)).isEqualTo("1e15");
    assertThat(text(1.5e16)).isEqualTo("1.5e16");
    assertThat(text(1234567890123456.8)).as("a fraction keeps plain notation").isEqualTo("1234567890123456.8");
    assertThat(text(0.0001)).isEqualTo("0.0001");
    assertThat(text(1e-15)).isEqualTo("0.000000000000001");
    assertThat(text(1e-16)).isEqualTo("1e-16");
    assertThat(text(-2.5e-20)).isEqualTo("-2.5e-20");
    assertThat(text(1e200)).isEqualTo("1e200");
  }

  @Test
  void bytesAreTheValueOrItsUtf8Text() throws SQLException {
    byte[] stored = {0, -1, 7};
    Object value = decoded(stored);
    byte[] read = PlainConversions.toBytes(value, COLUMN);
    assertThat(read).containsExactly(0, -1, 7);
    read[0] = 99;
    assertThat(PlainConversions.toBytes(value, COLUMN)).as("a copy each time").containsExactly(0, -1, 7);

    assertThat(PlainConversions.toBytes(decoded("é"), COLUMN)).containsExactly(0xC3, 0xA9);
    assertThat(PlainConversions.toBytes(decoded(42), COLUMN)).asString().isEqualTo("42");
    assertThat(PlainConversions.toBytes(decoded(true), COLUMN)).asString().isEqualTo("1");
    assertThat(PlainConversions.toBytes(decoded(LocalDate.of(2024, 1, 31)), COLUMN)).asString()
        .isEqualTo("2024-01-31");
  }

  @Test
  void streamsGiveTheTextOrTheBytes() throws Exception {
    try (Reader reader = PlainConversions.toReader(decoded("naïve 🔒"), COLUMN)) {
      StringBuilder read = new StringBuilder();
      for (int c = reader.read(); c >= 0; c = reader.read()) {
        read.append((char) c);
      }
      assertThat(read).hasToString("naïve 🔒");
    }
    try (InputStream bytes = PlainConversions.toBinaryStream(decoded(new byte[] {1, 2, 3}), COLUMN)) {
      assertThat(bytes.readAllBytes()).containsExactly(1, 2, 3);
    }
    try (InputStream ascii = PlainConversions.toAsciiStream(decoded("café"), COLUMN)) {
      assertThat(ascii.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("caf?");
    }
    try (InputStream ascii = PlainConversions.toAsciiStream(decoded(2.5), COLUMN)) {
      assertThat(ascii.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("2.5");
    }
  }

  @Test
  void getObjectWithoutATypeGivesConnectorJsDefaultMapping() {
    assertThat(PlainConversions.toObject(decoded("x"))).isEqualTo("x");
    assertThat(PlainConversions.toObject(decoded(42))).isEqualTo(42);
    assertThat(PlainConversions.toObject(decoded(42L))).isEqualTo(42L);
    assertThat(PlainConversions.toObject(decoded(new BigDecimal("1.50")))).isEqualTo(new BigDecimal("1.50"));
    assertThat(PlainConversions.toObject(decoded(BigInteger.TWO))).isEqualTo(BigInteger.TWO);
    assertThat(PlainConversions.toObject(decoded(0.5))).isEqualTo(0.5);
    assertThat(PlainConversions.toObject(decoded(true))).isEqualTo(Boolean.TRUE);
    assertThat(PlainConversions.toObject(decoded(LocalDate.of(2024, 1, 31))))
        .isEqualTo(java.sql.Date.valueOf("2024-01-31"));
    assertThat(PlainConversions.toObject(decoded(LocalTime.of(10, 11, 12))))
        .isEqualTo(java.sql.Time.valueOf("10:11:12"));
    assertThat(PlainConversions.toObject(decoded(LocalDateTime.of(2024, 1, 31, 10, 11, 12, 500_000_000))))
        .isEqualTo(java.sql.Timestamp.valueOf("2024-01-31 10:11:12.5"));

    Object bytes = decoded(new byte[] {1, 2});
    assertThat(PlainConversions.toObject(bytes)).isNotSameAs(bytes).isEqualTo(new byte[] {1, 2});
    assertThatThrownBy(() -> PlainConversions.toObject(new Object())).hasMessageContaining("java.lang.Object");
  }

  @Test
  void getObjectWithATypeConvertsAsTheMatchingGetter() throws SQLException {
    assertThat(PlainConversions.toObject(decoded(7L), Integer.class, COLUMN)).isEqualTo(7);
    assertThat(PlainConversions.toObject(decoded("42"), int.class, COLUMN)).isEqualTo(42);
    assertThat(PlainConversions.toObject(decoded(42), Byte.class, COLUMN)).isEqualTo((byte) 42);
    assertThat(PlainConversions.toObject(decoded(42), short.class, COLUMN)).isEqualTo((short) 42);
    assertThat(PlainConversions.toObject(decoded(42), long.class, COLUMN)).isEqualTo(42L);
    assertThat(PlainConversions.toObject(decoded(0.5), Float.class, COLUMN)).isEqualTo(0.5f);
    assertThat(PlainConversions.toObject(decoded(3), double.class, COLUMN)).isEqualTo(3.0);
    assertThat(PlainConversions.toObject(decoded(3), BigDecimal.class, COLUMN)).isEqualTo(BigDecimal.valueOf(3));
    assertThat(PlainConversions.toObject(decoded(new BigDecimal("-12.9")), BigInteger.class, COLUMN))
        .isEqualTo(BigInteger.valueOf(-12));
    assertThat(PlainConversions.toObject(decoded(12.9), BigInteger.class, COLUMN)).isEqualTo(BigInteger.valueOf(12));
    assertThat(PlainConversions.toObject(decoded("y"), Boolean.class, COLUMN)).isTrue();
    assertThat(PlainConversions.toObject(decoded(0), boolean.class, COLUMN)).isFalse();
    assertThat(PlainConversions.toObject(decoded(2.0), String.class, COLUMN)).isEqualTo("2");
    assertThat(PlainConversions.toObject(decoded("ab"), byte[].class, COLUMN)).containsExactly('a', 'b');
    assertThat(PlainConversions.toObject(decoded(9), Object.class, COLUMN)).isEqualTo(9);

    failure(() -> PlainConversions.toObject(decoded(300), Byte.class, COLUMN), "22003");
    failure(() -> PlainConversions.toObject(decoded("x"), Long.class, COLUMN), "22018");
  }

  @Test
  void getObjectRefusesATypeItDoesNotConvertTo() {
    assertThat(failure(() -> PlainConversions.toObject(decoded("x"), UUID.class, COLUMN), "22018").getMessage())
        .contains(COLUMN).contains("java.util.UUID");
    failure(() -> PlainConversions.toObject(decoded("x"), Number.class, COLUMN), "22018");
    failure(() -> PlainConversions.toObject(decoded("x"), null, COLUMN), "HY009");
  }

  @Test
  void theJdbcTypeFollowsTheDecodedType() {
    assertThat(PlainConversions.jdbcType(decoded("x"))).isEqualTo(Types.VARCHAR);
    assertThat(PlainConversions.jdbcType(decoded(new byte[0]))).isEqualTo(Types.VARBINARY);
    assertThat(PlainConversions.jdbcType(decoded(1))).isEqualTo(Types.INTEGER);
    assertThat(PlainConversions.jdbcType(decoded(1L))).isEqualTo(Types.BIGINT);
    assertThat(PlainConversions.jdbcType(decoded(BigDecimal.ONE))).isEqualTo(Types.DECIMAL);
    assertThat(PlainConversions.jdbcType(decoded(BigInteger.ONE))).isEqualTo(Types.DECIMAL);
    assertThat(PlainConversions.jdbcType(decoded(1.0))).isEqualTo(Types.DOUBLE);
    assertThat(PlainConversions.jdbcType(decoded(true))).isEqualTo(Types.BOOLEAN);
    assertThat(PlainConversions.jdbcType(decoded(LocalDate.EPOCH))).isEqualTo(Types.DATE);
    assertThat(PlainConversions.jdbcType(decoded(LocalTime.NOON))).isEqualTo(Types.TIME);
    assertThat(PlainConversions.jdbcType(decoded(LocalDateTime.of(2024, 1, 31, 0, 0)))).isEqualTo(Types.TIMESTAMP);
    assertThatThrownBy(() -> PlainConversions.jdbcType(UUID.randomUUID())).hasMessageContaining("java.util.UUID");
  }

  /** Every getter on every decoded type: whatever fails, fails with a standard state and no trace of the value. */
  @Test
  void noFailureAnywhereRevealsTheValue() throws SQLException {
    List<Object> secrets = List.of("hunter2-Q7", "hunter2-Q7".getBytes(StandardCharsets.UTF_8), 774_411,
        7_744_115_551L, new BigDecimal("7744.1155"), new BigInteger("77441155511111111111111"), 7744.1155e300,
        LocalDate.of(2031, 7, 17), LocalTime.of(17, 31, 7), LocalDateTime.of(2031, 7, 17, 17, 31, 7));
    List<Class<?>> types = List.of(Boolean.class, Byte.class, Short.class, Integer.class, Long.class,
        Float.class, Double.class, BigDecimal.class, BigInteger.class, java.sql.Date.class, java.sql.Time.class,
        java.sql.Timestamp.class, LocalDate.class, LocalTime.class, LocalDateTime.class, UUID.class);
    int failures = 0;
    for (Object secret : secrets) {
      Object value = decoded(secret);
      String plain = PlainConversions.toString(value, COLUMN);
      for (Class<?> type : types) {
        SQLException failure = catchThrowableOfType(SQLException.class,
            () -> PlainConversions.toObject(value, type, COLUMN));
        if (failure != null) {
          failures++;
          assertThat(failure.getSQLState()).isIn("22003", "22018");
          assertThat(failure.getCause()).isNull();
          assertThat(failure.getMessage()).as("%s as %s", secret.getClass(), type)
              .doesNotContain(plain).doesNotContain("7744").doesNotContain("hunter2").doesNotContain("2031")
              .doesNotContain("17:31");
        }
      }
    }
    assertThat(failures).as("the sweep reached failures").isGreaterThan(secrets.size());
  }
}

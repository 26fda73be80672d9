package dev.aegis.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aegis.config.ValueType;
import dev.aegis.crypto.PlainValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values converted to their encrypted column's type before encryption, canonically: what decides whether
 * a deterministic column finds a row, whichever setter or literal the application used.
 */
class ValueCoercionTest {
  private static final String COLUMN = "customers.secret";

  private static Object coerce(ValueType type, Object value) throws SQLDataException {
    return ValueCoercion.coerce(type, value, COLUMN);
  }

  /** What a deterministic column encrypts: equal encodings are equal ciphertexts. */
  private static byte[] encoded(ValueType type, Object value) throws SQLDataException {
    return PlainValue.encode(coerce(type, value));
  }

  static Stream<Arguments> conversions() {
    LocalDate day = LocalDate.of(2024, 1, 31);
    LocalDateTime moment = LocalDateTime.of(2024, 1, 31, 10, 11, 12);
    LocalDateTime fractional = moment.withNano(250_000_000);
    return Stream.of(
        // string: the text MySQL stores in a character column
        Arguments.of(ValueType.STRING, "ada@example.com", "ada@example.com"),
        Arguments.of(ValueType.STRING, 42, "42"),
        Arguments.of(ValueType.STRING, 42L, "42"),
        Arguments.of(ValueType.STRING, (short) -3, "-3"),
        Arguments.of(ValueType.STRING, new BigInteger("123456789012345678901234567890"),
            "123456789012345678901234567890"),
        Arguments.of(ValueType.STRING, new BigDecimal("1.50"), "1.50"),
        Arguments.of(ValueType.STRING, new BigDecimal("1E+3"), "1000"),
        Arguments.of(ValueType.STRING, 2.0d, "2"),
        Arguments.of(ValueType.STRING, 2.5d, "2.5"),
        Arguments.of(ValueType.STRING, true, "1"),
        Arguments.of(ValueType.STRING, false, "0"),
        Arguments.of(ValueType.STRING, "ñ".getBytes(StandardCharsets.UTF_8), "ñ"),
        Arguments.of(ValueType.STRING, day, "2024-01-31"),
        Arguments.of(ValueType.STRING, java.sql.Date.valueOf(day), "2024-01-31"),
        Arguments.of(ValueType.STRING, moment, "2024-01-31 10:11:12"),
        Arguments.of(ValueType.STRING, fractional, "2024-01-31 10:11:12.25"),
        Arguments.of(ValueType.STRING, Timestamp.valueOf(moment), "2024-01-31 10:11:12"),
        Arguments.of(ValueType.STRING, Time.valueOf(LocalTime.of(10, 11, 12)), "10:11:12"),
        // integer: a Long from every integral type, exact numbers and numeric strings
        Arguments.of(ValueType.INTEGER, "42", 42L),
        Arguments.of(ValueType.INTEGER, " 42 ", 42L),
        Arguments.of(ValueType.INTEGER, "-42", -42L),
        Arguments.of(ValueType.INTEGER, 42, 42L),
        Arguments.of(ValueType.INTEGER, 42L, 42L),
        Arguments.of(ValueType.INTEGER, (short) 42, 42L),
        Arguments.of(ValueType.INTEGER, (byte) 42, 42L),
        Arguments.of(ValueType.INTEGER, BigInteger.valueOf(42), 42L),
        Arguments.of(ValueType.INTEGER, new BigDecimal("42.000"), 42L),
        Arguments.of(ValueType.INTEGER, "4.2e1", 42L),
        Arguments.of(ValueType.INTEGER, "4200", 4200L),
        Arguments.of(ValueType.INTEGER, 42.0d, 42L),
        Arguments.of(ValueType.INTEGER, true, 1L),
        Arguments.of(ValueType.INTEGER, "9223372036854775807", Long.MAX_VALUE),
        Arguments.of(ValueType.INTEGER, "-9223372036854775808", Long.MIN_VALUE),
        Arguments.of(ValueType.INTEGER, BigInteger.valueOf(Long.MIN_VALUE), Long.MIN_VALUE),
        // decimal: trailing zeros stripped
        Arguments.of(ValueType.DECIMAL, "1.50", new BigDecimal("1.5")),
        Arguments.of(ValueType.DECIMAL, new BigDecimal("1.500"), new BigDecimal("1.5")),
        Arguments.of(ValueType.DECIMAL, 1.5d, new BigDecimal("1.5")),
        Arguments.of(ValueType.DECIMAL, 1.5f, new BigDecimal("1.5")),
        Arguments.of(ValueType.DECIMAL, 7, new BigDecimal("7")),
        Arguments.of(ValueType.DECIMAL, BigInteger.TEN, new BigDecimal("1E+1")),
        Arguments.of(ValueType.DECIMAL, true, BigDecimal.ONE),
        Arguments.of(ValueType.DECIMAL, "0.000", BigDecimal.ZERO),
        Arguments.of(ValueType.DECIMAL, "-0.10", new BigDecimal("-0.1")),
        // double
        Arguments.of(ValueType.DOUBLE, "1.5", 1.5d),
        Arguments.of(ValueType.DOUBLE, 1.5f, 1.5d),
        Arguments.of(ValueType.DOUBLE, 3, 3.0d),
        Arguments.of(ValueType.DOUBLE, new BigDecimal("0.1"), 0.1d),
        Arguments.of(ValueType.DOUBLE, " 2e3 ", 2000.0d),
        Arguments.of(ValueType.DOUBLE, true, 1.0d),
        // boolean: true, false, numbers, and their strings
        Arguments.of(ValueType.BOOLEAN, true, true),
        Arguments.of(ValueType.BOOLEAN, "true", true),
        Arguments.of(ValueType.BOOLEAN, " TRUE ", true),
        Arguments.of(ValueType.BOOLEAN, "false", false),
        Arguments.of(ValueType.BOOLEAN, 1, true),
        Arguments.of(ValueType.BOOLEAN, 0, false),
        Arguments.of(ValueType.BOOLEAN, 2L, true),
        Arguments.of(ValueType.BOOLEAN, "1", true),
        Arguments.of(ValueType.BOOLEAN, "0", false),
        Arguments.of(ValueType.BOOLEAN, new BigDecimal("0.0"), false),
        // date
        Arguments.of(ValueType.DATE, java.sql.Date.valueOf(day), day),
        Arguments.of(ValueType.DATE, day, day),
        Arguments.of(ValueType.DATE, "2024-01-31", day),
        Arguments.of(ValueType.DATE, moment, day),
        Arguments.of(ValueType.DATE, Timestamp.valueOf(moment), day),
        Arguments.of(ValueType.DATE, "2024-01-31 10:11:12", day),
        Arguments.of(ValueType.DATE, "2024-01-31T10:11:12", day),
        Arguments.of(ValueType.DATE, OffsetDateTime.of(moment, ZoneOffset.ofHours(5)), day),
        // time
        Arguments.of(ValueType.TIME, "10:11:12", LocalTime.of(10, 11, 12)),
        Arguments.of(ValueType.TIME, "10:11:12.5", LocalTime.of(10, 11, 12, 500_000_000)),
        Arguments.of(ValueType.TIME, Time.valueOf(LocalTime.of(10, 11, 12)), LocalTime.of(10, 11, 12)),
        Arguments.of(ValueType.TIME, LocalTime.of(10, 11), LocalTime.of(10, 11)),
        Arguments.of(ValueType.TIME, moment, LocalTime.of(10, 11, 12)),
        Arguments.of(ValueType.TIME, Timestamp.valueOf(moment), LocalTime.of(10, 11, 12)),
        // timestamp: a space or a T between date and time, a fraction, a date alone at midnight
        Arguments.of(ValueType.TIMESTAMP, "2024-01-31 10:11:12", moment),
        Arguments.of(ValueType.TIMESTAMP, "2024-01-31T10:11:12", moment),
        Arguments.of(ValueType.TIMESTAMP, "2024-01-31 10:11:12.25", fractional),
        Arguments.of(ValueType.TIMESTAMP, "2024-01-31", day.atStartOfDay()),
        Arguments.of(ValueType.TIMESTAMP, moment, moment),
        Arguments.of(ValueType.TIMESTAMP, Timestamp.valueOf(fractional), fractional),
        Arguments.of(ValueType.TIMESTAMP, java.sql.Date.valueOf(day), day.atStartOfDay()),
        Arguments.of(ValueType.TIMESTAMP, day, day.atStartOfDay()),
        Arguments.of(ValueType.TIMESTAMP, OffsetDateTime.of(moment, ZoneOffset.UTC), moment),
        Arguments.of(ValueType.TIMESTAMP, ZonedDateTime.of(moment, ZoneOffset.ofHours(-3)), moment));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("conversions")
  void convertsToTheColumnType(ValueType type, Object value, Object expected) throws Exception {
    Object converted = coerce(type, value);
    assertThat(converted).isInstanceOf(expected.getClass()).isEqualTo(expected);
  }

  @Test
  void bytesStayBytesAndTextBecomesUtf8() throws Exception {
    byte[] raw = {0, (byte) 0xff, 65};
    assertThat(coerce(ValueType.BYTES, raw)).isSameAs(raw);
    assertThat((byte[]) coerce(ValueType.BYTES, "ñA")).containsExactly(0xc3, 0xb1, 0x41);
    assertThat((byte[]) coerce(ValueType.BYTES, 7)).containsExactly('7');
  }

  static Stream<Arguments> equalValues() {
    return Stream.of(
        Arguments.of(ValueType.DECIMAL, List.of(new BigDecimal("1.50"), new BigDecimal("1.5"), "1.5", "1.500",
            1.5d, " 1.50 ")),
        Arguments.of(ValueType.DECIMAL, List.of(100, 100L, "100", "100.00", new BigDecimal("1E+2"),
            BigInteger.valueOf(100), 100.0d)),
        Arguments.of(ValueType.DECIMAL, List.of(0, "0.00", BigDecimal.ZERO, new BigDecimal("0E-10"))),
        Arguments.of(ValueType.INTEGER, List.of("42", 42, 42L, (short) 42, BigInteger.valueOf(42),
            new BigDecimal("42.0"), 42.0d, "42.00")),
        Arguments.of(ValueType.BOOLEAN, List.of(true, "true", 1, 1L, "1", new BigDecimal("1.0"))),
        Arguments.of(ValueType.BOOLEAN, List.of(false, "false", "FALSE", 0, "0", 0.0d)),
        Arguments.of(ValueType.STRING, List.of("5", 5, 5L, BigInteger.valueOf(5), 5.0d)),
        Arguments.of(ValueType.DATE, List.of(java.sql.Date.valueOf("2024-01-31"), LocalDate.of(2024, 1, 31),
            "2024-01-31", LocalDateTime.of(2024, 1, 31, 23, 59))),
        Arguments.of(ValueType.TIMESTAMP, List.of("2024-01-31 10:11:12", "2024-01-31T10:11:12",
            "2024-01-31 10:11:12.000", LocalDateTime.of(2024, 1, 31, 10, 11, 12),
            Timestamp.valueOf("2024-01-31 10:11:12"))),
        Arguments.of(ValueType.TIME, List.of("10:11:12", Time.valueOf("10:11:12"), LocalTime.of(10, 11, 12))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("equalValues")
  void equalValuesEncodeAlikeWhateverTheirJavaType(ValueType type, List<Object> values) throws Exception {
    byte[] first = encoded(type, values.get(0));
    for (Object value : values) {
      assertThat(encoded(type, value)).as("%s (%s)", value, value.getClass().getSimpleName()).isEqualTo(first);
    }
  }

  @Test
  void differentValuesEncodeDifferently() throws Exception {
    assertThat(encoded(ValueType.DECIMAL, "1.5")).isNotEqualTo(encoded(ValueType.DECIMAL, "1.05"));
    assertThat(encoded(ValueType.INTEGER, 42)).isNotEqualTo(encoded(ValueType.INTEGER, -42));
    assertThat(encoded(ValueType.STRING, "5")).isNotEqualTo(encoded(ValueType.STRING, "5.0"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(ValueType.INTEGER, "forty-two"),
        Arguments.of(ValueType.INTEGER, "4.5"),
        Arguments.of(ValueType.INTEGER, 4.5d),
        Arguments.of(ValueType.INTEGER, new BigDecimal("0.001")),
        Arguments.of(ValueType.INTEGER, Double.NaN),
        Arguments.of(ValueType.INTEGER, ""),
        Arguments.of(ValueType.INTEGER, "1e-99999999"),
        Arguments.of(ValueType.DECIMAL, "one point five"),
        Arguments.of(ValueType.DECIMAL, Double.POSITIVE_INFINITY),
        Arguments.of(ValueType.DOUBLE, "1,5"),
        Arguments.of(ValueType.BOOLEAN, "yes"),
        Arguments.of(ValueType.BOOLEAN, "tru"),
        Arguments.of(ValueType.DATE, "2024-02-30"),
        Arguments.of(ValueType.DATE, "31/01/2024"),
        Arguments.of(ValueType.DATE, 20240131),
        Arguments.of(ValueType.DATE, LocalTime.of(10, 11)),
        Arguments.of(ValueType.TIME, "25:00:00"),
        Arguments.of(ValueType.TIME, "noon"),
        Arguments.of(ValueType.TIMESTAMP, "2024-13-01 00:00:00"),
        Arguments.of(ValueType.TIMESTAMP, "2024-01-31 10:11:12 +02:00"),
        Arguments.of(ValueType.TIMESTAMP, LocalTime.of(10, 11)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("invalid")
  void aValueThatIsNotOfTheTypeFailsWith22018NamingTheColumnNotTheValue(ValueType type, Object value) {
    assertThatThrownBy(() -> coerce(type, value))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining(COLUMN)
        .hasMessageContaining(type.name().toLowerCase(java.util.Locale.ROOT))
        .hasMessageNotContaining(String.valueOf(value).isEmpty() ? "\0" : String.valueOf(value))
        .satisfies(e -> assertThat(((SQLDataException) e).getSQLState()).isEqualTo("22018"))
        .satisfies(e -> assertThat(e.getCause()).as("a parser's message would quote the value").isNull());
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of(ValueType.INTEGER, "9223372036854775808"),
        Arguments.of(ValueType.INTEGER, "-9223372036854775809"),
        Arguments.of(ValueType.INTEGER, BigInteger.ONE.shiftLeft(63)),
        Arguments.of(ValueType.INTEGER, new BigDecimal("1E+19")),
        Arguments.of(ValueType.INTEGER, "1e20"),
        Arguments.of(ValueType.INTEGER, 1e300d),
        // Short strings, huge numbers: refused without computing all their digits.
        Arguments.of(ValueType.INTEGER, "1e100000000"),
        Arguments.of(ValueType.INTEGER, "-7e999999999"),
        Arguments.of(ValueType.DECIMAL, "1e65"),
        Arguments.of(ValueType.DECIMAL, "1" + "0".repeat(65) + ".5"),
        Arguments.of(ValueType.DECIMAL, "1e-31"),
        Arguments.of(ValueType.DECIMAL, "1e999999999"),
        Arguments.of(ValueType.DECIMAL, "-1e-999999999"));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("outOfRange")
  void aNumberOutOfRangeFailsWith22003NamingTheColumnNotTheValue(ValueType type, Object value) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> coerce(type, value))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining(COLUMN)
        .hasMessageNotContaining(String.valueOf(value))
        .satisfies(e -> assertThat(((SQLDataException) e).getSQLState()).isEqualTo("22003")));
  }

  @Test
  void theWidestDecimalsAreKept() throws Exception {
    String digits65 = "9".repeat(65);
    assertThat(((BigDecimal) coerce(ValueType.DECIMAL, digits65)).toPlainString()).isEqualTo(digits65);
    String scale30 = "0." + "0".repeat(29) + "1";
    assertThat(((BigDecimal) coerce(ValueType.DECIMAL, scale30)).toPlainString()).isEqualTo(scale30);
    assertThat(((BigDecimal) coerce(ValueType.DECIMAL, "1e64")).toPlainString()).isEqualTo("1" + "0".repeat(64));
  }

  @Test
  void anEncryptedColumnSealsAHugeNumberStringAsAnErrorNotAnOutOfMemory() throws Exception {
    EncryptedColumns columns = Encryptions.columns("""
        columns:
          payments.amount: { mode: deterministic, key: k, type: decimal }
        """);
    ProtectedColumn amount = Encryptions.column(columns, "payments.amount");
    for (String value : Arrays.asList("1e999999999", "1e-999999999")) {
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> amount.seal(value))
          .isInstanceOf(SQLDataException.class)
          .hasMessageContaining("payments.amount"));
    }
  }

  @org.junit.jupiter.api.Test
  void timesFloatsAndZerosTakeMySqlsForms() throws Exception {
    org.assertj.core.api.Assertions.assertThat(ValueCoercion.coerce(dev.aegis.config.ValueType.STRING,
        java.time.LocalTime.of(10, 11), "t.c")).isEqualTo("10:11:00");
    org.assertj.core.api.Assertions.assertThat(ValueCoercion.coerce(dev.aegis.config.ValueType.STRING,
        java.sql.Time.valueOf("10:11:12"), "t.c")).isEqualTo("10:11:12");
    org.assertj.core.api.Assertions.assertThat(ValueCoercion.coerce(dev.aegis.config.ValueType.STRING, 1.1f, "t.c"))
        .isEqualTo("1.1");
    org.assertj.core.api.Assertions.assertThat(ValueCoercion.coerce(dev.aegis.config.ValueType.DOUBLE, -0.0, "t.c"))
        .isEqualTo(0.0).matches(d -> 1 / (Double) d > 0, "positive zero");
    for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, "Infinity"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> ValueCoercion.coerce(dev.aegis.config.ValueType.DOUBLE, bad, "t.c"))
          .isInstanceOf(java.sql.SQLDataException.class)
          .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((java.sql.SQLException) e).getSQLState())
              .isEqualTo("22003"));
    }
  }
}

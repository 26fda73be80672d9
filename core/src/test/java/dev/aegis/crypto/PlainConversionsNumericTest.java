package dev.aegis.crypto;

import static dev.aegis.crypto.PlainConversionsTest.COLUMN;
import static dev.aegis.crypto.PlainConversionsTest.decoded;
import static dev.aegis.crypto.PlainConversionsTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numeric and boolean getters of {@link PlainConversions}. */
class PlainConversionsNumericTest {
  @Test
  void numbersReadAsEveryNumericType() throws SQLException {
    Object integer = decoded(42);
    assertThat(PlainConversions.toByte(integer, COLUMN)).isEqualTo((byte) 42);
    assertThat(PlainConversions.toShort(integer, COLUMN)).isEqualTo((short) 42);
    assertThat(PlainConversions.toInt(integer, COLUMN)).isEqualTo(42);
    assertThat(PlainConversions.toLong(integer, COLUMN)).isEqualTo(42L);
    assertThat(PlainConversions.toFloat(integer, COLUMN)).isEqualTo(42f);
    assertThat(PlainConversions.toDouble(integer, COLUMN)).isEqualTo(42.0);
    assertThat(PlainConversions.toBigDecimal(integer, COLUMN)).isEqualTo(BigDecimal.valueOf(42));

    Object wide = decoded(5_000_000_000L);
    assertThat(PlainConversions.toLong(wide, COLUMN)).isEqualTo(5_000_000_000L);
    assertThat(PlainConversions.toDouble(wide, COLUMN)).isEqualTo(5e9);
    assertThat(PlainConversions.toBigDecimal(wide, COLUMN)).isEqualTo(BigDecimal.valueOf(5_000_000_000L));

    Object decimal = decoded(new BigDecimal("1.50"));
    assertThat(PlainConversions.toBigDecimal(decimal, COLUMN)).isEqualTo(new BigDecimal("1.50"));
    assertThat(PlainConversions.toDouble(decimal, COLUMN)).isEqualTo(1.5);
    assertThat(PlainConversions.toFloat(decimal, COLUMN)).isEqualTo(1.5f);
    assertThat(PlainConversions.toInt(decimal, COLUMN)).as("truncated").isEqualTo(1);
    assertThat(PlainConversions.toLong(decoded(new BigDecimal("-1.99")), COLUMN)).as("toward zero").isEqualTo(-1L);

    Object unsigned = decoded(new BigInteger("18446744073709551615"));
    assertThat(PlainConversions.toBigDecimal(unsigned, COLUMN)).isEqualTo(new BigDecimal("18446744073709551615"));
    assertThat(PlainConversions.toDouble(unsigned, COLUMN)).isEqualTo(1.8446744073709552e19);
    assertThat(PlainConversions.toInt(decoded(BigInteger.valueOf(7)), COLUMN)).isEqualTo(7);

    Object real = decoded(-1.9);
    assertThat(PlainConversions.toInt(real, COLUMN)).isEqualTo(-1);
    assertThat(PlainConversions.toShort(real, COLUMN)).isEqualTo((short) -1);
    assertThat(PlainConversions.toFloat(real, COLUMN)).isEqualTo(-1.9f);
    assertThat(PlainConversions.toDouble(real, COLUMN)).isEqualTo(-1.9);
    assertThat(PlainConversions.toBigDecimal(decoded(0.1), COLUMN))
        .as("the decimal the double was written as, not its binary expansion").isEqualTo(new BigDecimal("0.1"));

    assertThat(PlainConversions.toInt(decoded(true), COLUMN)).isEqualTo(1);
    assertThat(PlainConversions.toLong(decoded(false), COLUMN)).isZero();
    assertThat(PlainConversions.toDouble(decoded(true), COLUMN)).isEqualTo(1.0);
    assertThat(PlainConversions.toBigDecimal(decoded(true), COLUMN)).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void narrowingOutOfRangeFailsWithoutTheValue() {
    SQLException tooBig = failure(() -> PlainConversions.toInt(decoded(Long.MAX_VALUE), COLUMN), "22003");
    assertThat(tooBig.getMessage()).contains(COLUMN).contains("int").doesNotContain("9223372036854775807");

    failure(() -> PlainConversions.toByte(decoded(128), COLUMN), "22003");
    failure(() -> PlainConversions.toByte(decoded(-129), COLUMN), "22003");
    failure(() -> PlainConversions.toShort(decoded(40_000), COLUMN), "22003");
    failure(() -> PlainConversions.toInt(decoded(new BigDecimal("2147483648")), COLUMN), "22003");
    failure(() -> PlainConversions.toLong(decoded(new BigInteger("9223372036854775808")), COLUMN), "22003");
    // 2^63 as a double: a cast would quietly give Long.MAX_VALUE.
    failure(() -> PlainConversions.toLong(decoded(9.223372036854775807e18), COLUMN), "22003");
    failure(() -> PlainConversions.toFloat(decoded(1e39), COLUMN), "22003");
    failure(() -> PlainConversions.toDouble(decoded(new BigDecimal("1e400")), COLUMN), "22003");
    failure(() -> PlainConversions.toInt(decoded(Double.NaN), COLUMN), "22003");
  }

  @Test
  void theEdgesOfARangeStillFit() throws SQLException {
    assertThat(PlainConversions.toByte(decoded(-128), COLUMN)).isEqualTo(Byte.MIN_VALUE);
    assertThat(PlainConversions.toShort(decoded(32_767), COLUMN)).isEqualTo(Short.MAX_VALUE);
    assertThat(PlainConversions.toInt(decoded((long) Integer.MIN_VALUE), COLUMN)).isEqualTo(Integer.MIN_VALUE);
    assertThat(PlainConversions.toLong(decoded(new BigInteger("9223372036854775807")), COLUMN))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void numericStringsReadAsTheNumbersTheySpell() throws SQLException {
    assertThat(PlainConversions.toInt(decoded("42"), COLUMN)).isEqualTo(42);
    assertThat(PlainConversions.toInt(decoded(" 42\t"), COLUMN)).isEqualTo(42);
    assertThat(PlainConversions.toLong(decoded("-7"), COLUMN)).isEqualTo(-7L);
    assertThat(PlainConversions.toInt(decoded("4.2e1"), COLUMN)).isEqualTo(42);
    assertThat(PlainConversions.toInt(decoded("12.75"), COLUMN)).isEqualTo(12);
    assertThat(PlainConversions.toDouble(decoded("12.75"), COLUMN)).isEqualTo(12.75);
    assertThat(PlainConversions.toFloat(decoded("12.75"), COLUMN)).isEqualTo(12.75f);
    assertThat(PlainConversions.toBigDecimal(decoded("12.750"), COLUMN)).isEqualTo(new BigDecimal("12.750"));
    assertThat(PlainConversions.toObject(decoded("123456789012345678901234567890"), BigInteger.class, COLUMN))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    failure(() -> PlainConversions.toLong(decoded("9223372036854775808"), COLUMN), "22003");
  }

  @Test
  void anEmptyStringReadsAsZeroAsConnectorJsDefaultHasIt() throws SQLException {
    assertThat(PlainConversions.toInt(decoded(""), COLUMN)).isZero();
    assertThat(PlainConversions.toBigDecimal(decoded("  "), COLUMN)).isEqualTo(BigDecimal.ZERO);
    assertThat(PlainConversions.toBoolean(decoded(""), COLUMN)).isFalse();
  }

  @Test
  void hugeExponentsNeitherHangNorExpand() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(PlainConversions.toInt(decoded("1e-999999999"), COLUMN)).isZero();
      assertThat(PlainConversions.toObject(decoded("-1e-999999999"), BigInteger.class, COLUMN)).isZero();
      failure(() -> PlainConversions.toObject(decoded("1e999999999"), BigInteger.class, COLUMN), "22003");
      failure(() -> PlainConversions.toLong(decoded("1e999999999"), COLUMN), "22003");
    });
  }

  @Test
  void aStringThatIsNoNumberFailsWithoutTheValue() {
    SQLException failure = failure(() -> PlainConversions.toInt(decoded("secret-4111"), COLUMN), "22018");
    assertThat(failure.getMessage())
        .isEqualTo("column card_no holds a string that cannot be read as int")
        .doesNotContain("secret");

    // Each of these Double.parseDouble would accept.
    for (String notMysqlNumber : List.of("NaN", "Infinity", "1d", "0x1p3")) {
      failure(() -> PlainConversions.toDouble(decoded(notMysqlNumber), COLUMN), "22018");
    }
    failure(() -> PlainConversions.toBigDecimal(decoded("12,5"), COLUMN), "22018");
    failure(() -> PlainConversions.toLong(decoded("1_000"), COLUMN), "22018");
  }

  @Test
  void valuesOfOtherKindsAreNoNumbers() {
    assertThat(failure(() -> PlainConversions.toInt(decoded(new byte[] {'4', '2'}), COLUMN), "22018").getMessage())
        .isEqualTo("column card_no holds a byte array that cannot be read as int");
    assertThat(failure(() -> PlainConversions.toLong(decoded(LocalDate.of(2024, 1, 31)), COLUMN), "22018")
        .getMessage()).isEqualTo("column card_no holds a date that cannot be read as long");
    failure(() -> PlainConversions.toDouble(decoded(LocalTime.NOON), COLUMN), "22018");
    failure(() -> PlainConversions.toBoolean(decoded(LocalDateTime.of(2024, 1, 31, 0, 0)), COLUMN), "22018");
  }

  @Test
  void booleansReadFromWordsAndNumbersAsConnectorJReadsThem() throws SQLException {
    for (Object yes : List.of(true, "true", "TRUE", " y ", "Y", "1", "42", "-1", "0.5", "1e3", 1, -1, 7L,
        BigInteger.TEN, new BigDecimal("-1.00"), 0.1, -1.0)) {
      assertThat(PlainConversions.toBoolean(decoded(yes), COLUMN)).as("%s", yes).isTrue();
    }
    // Connector/J's BooleanValueFactory: only -1 among the negative numbers is true.
    for (Object no : List.of(false, "false", "False", "n", "N", "0", "0.0", "-2", 0, -2, 0L,
        BigInteger.valueOf(-5), BigDecimal.ZERO, -0.5, 0.0)) {
      assertThat(PlainConversions.toBoolean(decoded(no), COLUMN)).as("%s", no).isFalse();
    }
    SQLException failure = failure(() -> PlainConversions.toBoolean(decoded("maybe"), COLUMN), "22018");
    assertThat(failure.getMessage()).contains("boolean").doesNotContain("maybe");
    failure(() -> PlainConversions.toBoolean(decoded("yes"), COLUMN), "22018");
  }
}

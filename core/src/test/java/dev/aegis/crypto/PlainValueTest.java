package dev.aegis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PlainValueTest {

  private static Object roundTrip(Object value) {
    return PlainValue.decode(PlainValue.encode(value));
  }

  @Test
  void everySupportedTypeComesBackAsItsType() {
    assertThat(roundTrip("naïve café 🔒")).isEqualTo("naïve café 🔒");
    assertThat((byte[]) roundTrip(new byte[] {0, -1, 7})).containsExactly(0, -1, 7);
    assertThat(roundTrip(42)).isEqualTo(42);
    assertThat(roundTrip((short) 7)).isEqualTo(7);
    assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThat(roundTrip(new BigDecimal("12345.6789000"))).isEqualTo(new BigDecimal("12345.6789000"));
    assertThat(roundTrip(new BigInteger("123456789012345678901234567890")))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(roundTrip(0.1)).isEqualTo(0.1);
    assertThat(roundTrip(true)).isEqualTo(true);
    assertThat(roundTrip(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(roundTrip(java.sql.Date.valueOf("2024-02-29"))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(roundTrip(LocalTime.of(23, 59, 58, 123_000_000))).isEqualTo(LocalTime.of(23, 59, 58, 123_000_000));
    assertThat(roundTrip(java.sql.Timestamp.valueOf("2024-02-29 23:59:58.5")))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 500_000_000));
  }

  @Test
  void equalValuesEncodeEquallySoDeterministicSearchWorks() {
    assertThat(PlainValue.encode("x")).isEqualTo(PlainValue.encode(new String("x")));
    assertThat(PlainValue.encode(new BigDecimal("1.50"))).isEqualTo(PlainValue.encode(new BigDecimal("1.50")));
    assertThat(PlainValue.encode(5)).as("the type is part of the value").isNotEqualTo(PlainValue.encode("5"));
  }

  @Test
  void unsupportedTypesAndGarbageAreRefusedByName() {
    assertThatThrownBy(() -> PlainValue.encode(new Object())).hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> PlainValue.encode(null)).hasMessageContaining("NULL stays NULL");
    assertThatThrownBy(() -> PlainValue.decode(new byte[] {'?', 1})).hasMessageContaining("unknown value type");
  }
}

package dev.aegis.crypto;

import static dev.aegis.crypto.PlainConversionsTest.COLUMN;
import static dev.aegis.crypto.PlainConversionsTest.decoded;
import static dev.aegis.crypto.PlainConversionsTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The date and time getters of {@link PlainConversions}, with and without a Calendar. */
class PlainConversionsTemporalTest {
  private static final LocalDate DAY = LocalDate.of(2024, 1, 31);
  private static final LocalTime CLOCK = LocalTime.of(10, 11, 12, 345_000_000);
  private static final LocalDateTime MOMENT = LocalDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_789);

  private static Calendar calendar(String zone) {
    return new GregorianCalendar(TimeZone.getTimeZone(zone));
  }

  private static String text(Object value) throws SQLException {
    return PlainConversions.toString(decoded(value), COLUMN);
  }

  @Test
  void temporalValuesReadAsTheTextMysqlPrintsForThem() throws SQLException {
    assertThat(text(DAY)).isEqualTo("2024-01-31");
    assertThat(text(LocalDate.of(999, 1, 2))).isEqualTo("0999-01-02");
    assertThat(text(LocalTime.of(10, 11))).as("seconds are always printed").isEqualTo("10:11:00");
    assertThat(text(LocalTime.of(10, 11, 12))).isEqualTo("10:11:12");
    assertThat(text(LocalTime.of(10, 11, 12, 500_000_000))).isEqualTo("10:11:12.5");
    assertThat(text(LocalDateTime.of(2024, 1, 31, 0, 0))).isEqualTo("2024-01-31 00:00:00");
    assertThat(text(LocalDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_000))).isEqualTo("2024-01-31 10:11:12.123456");
  }

  @Test
  void datesComeFromDatesTimestampsAndDateStrings() throws SQLException {
    assertThat(PlainConversions.toDate(decoded(DAY), null, COLUMN).toLocalDate()).isEqualTo(DAY);
    assertThat(PlainConversions.toDate(decoded(MOMENT), null, COLUMN).toLocalDate()).isEqualTo(DAY);
    for (String text : new String[] {"2024-01-31", " 2024-01-31 ", "2024-01-31 10:11:12", "2024-01-31T23:59:59.5"}) {
      assertThat(PlainConversions.toDate(decoded(text), null, COLUMN).toLocalDate()).as(text).isEqualTo(DAY);
    }
    assertThat(PlainConversions.toDate(decoded(DAY), null, COLUMN))
        .as("java.sql.Date is the midnight that starts the day").isEqualTo(java.sql.Date.valueOf(DAY));
  }

  @Test
  void timesComeFromTimesTimestampsAndTimeStrings() throws SQLException {
    Time time = PlainConversions.toTime(decoded(CLOCK), null, COLUMN);
    assertThat(time.toLocalTime()).isEqualTo(LocalTime.of(10, 11, 12));
    assertThat(time.getTime() - Time.valueOf("10:11:12").getTime()).as("milliseconds kept").isEqualTo(345);
    assertThat(PlainConversions.toTime(decoded(MOMENT), null, COLUMN).toLocalTime())
        .isEqualTo(LocalTime.of(10, 11, 12));
    assertThat(PlainConversions.toTime(decoded("10:11:12"), null, COLUMN)).isEqualTo(Time.valueOf("10:11:12"));
    assertThat(PlainConversions.toTime(decoded("2024-01-31 10:11:12"), null, COLUMN))
        .isEqualTo(Time.valueOf("10:11:12"));
  }

  @Test
  void timestampsComeFromTimestampsDatesAtMidnightAndStrings() throws SQLException {
    Timestamp timestamp = PlainConversions.toTimestamp(decoded(MOMENT), null, COLUMN);
    assertThat(timestamp.toLocalDateTime()).isEqualTo(MOMENT);
    assertThat(timestamp.getNanos()).isEqualTo(123_456_789);
    assertThat(PlainConversions.toTimestamp(decoded(DAY), null, COLUMN).toLocalDateTime())
        .isEqualTo(DAY.atStartOfDay());
    assertThat(PlainConversions.toTimestamp(decoded("2024-01-31 10:11:12.5"), null, COLUMN))
        .isEqualTo(Timestamp.valueOf("2024-01-31 10:11:12.5"));
    assertThat(PlainConversions.toTimestamp(decoded("2024-01-31"), null, COLUMN))
        .isEqualTo(Timestamp.valueOf("2024-01-31 00:00:00"));
  }

  @Test
  void aConversionThatWouldInventAPartIsRefused() {
    failure(() -> PlainConversions.toDate(decoded(CLOCK), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTimestamp(decoded(CLOCK), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTime(decoded(DAY), null, COLUMN), "22018");
    failure(() -> PlainConversions.toDate(decoded("10:11:12"), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTime(decoded("2024-01-31"), null, COLUMN), "22018");
    failure(() -> PlainConversions.toObject(decoded(CLOCK), LocalDate.class, COLUMN), "22018");
  }

  @Test
  void otherValuesAreNoDatesAndTheMessageKeepsThemSecret() {
    SQLException failure = failure(() -> PlainConversions.toDate(decoded("31/01/2024"), null, COLUMN), "22018");
    assertThat(failure.getMessage())
        .isEqualTo("column card_no holds a string that cannot be read as java.sql.Date")
        .doesNotContain("2024");
    failure(() -> PlainConversions.toDate(decoded("2024-02-30"), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTime(decoded("25:00:00"), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTimestamp(decoded("0000-00-00 00:00:00"), null, COLUMN), "22018");
    failure(() -> PlainConversions.toTimestamp(decoded(20240131L), null, COLUMN), "22018");
    failure(() -> PlainConversions.toDate(decoded(true), null, COLUMN), "22018");
  }

  @Test
  void aCalendarGivesTheZoneTheWallClockIsIn() throws SQLException {
    Object moment = decoded(LocalDateTime.of(2024, 1, 31, 10, 11, 12));
    Timestamp utc = PlainConversions.toTimestamp(moment, calendar("UTC"), COLUMN);
    Timestamp plusFive = PlainConversions.toTimestamp(moment, calendar("GMT+05:00"), COLUMN);
    assertThat(utc.toInstant()).isEqualTo(Instant.parse("2024-01-31T10:11:12Z"));
    assertThat(plusFive.toInstant()).isEqualTo(Instant.parse("2024-01-31T05:11:12Z"));
    assertThat(Duration.between(plusFive.toInstant(), utc.toInstant())).isEqualTo(Duration.ofHours(5));

    Object day = decoded(DAY);
    assertThat(PlainConversions.toDate(day, calendar("UTC"), COLUMN).getTime()
        - PlainConversions.toDate(day, calendar("GMT+05:00"), COLUMN).getTime())
        .isEqualTo(Duration.ofHours(5).toMillis());
    assertThat(PlainConversions.toDate(day, calendar("UTC"), COLUMN).getTime())
        .isEqualTo(Instant.parse("2024-01-31T00:00:00Z").toEpochMilli());

    Object clock = decoded(CLOCK);
    assertThat(PlainConversions.toTime(clock, calendar("UTC"), COLUMN).getTime())
        .as("1970-01-01T10:11:12.345Z").isEqualTo(36_672_345L);
    assertThat(PlainConversions.toTime(clock, calendar("GMT+05:00"), COLUMN).getTime())
        .isEqualTo(36_672_345L - Duration.ofHours(5).toMillis());
  }

  @Test
  void theCallersCalendarIsOnlyReadFrom() throws SQLException {
    Calendar calendar = calendar("GMT+05:00");
    calendar.setTimeInMillis(1_000_000_000_000L);
    PlainConversions.toTimestamp(decoded(MOMENT), calendar, COLUMN);
    PlainConversions.toDate(decoded(DAY), calendar, COLUMN);
    PlainConversions.toTime(decoded(CLOCK), calendar, COLUMN);
    assertThat(calendar.getTimeInMillis()).isEqualTo(1_000_000_000_000L);
    assertThat(calendar.getTimeZone().getID()).isEqualTo("GMT+05:00");
  }

  @Test
  void aCalendarOfAnotherSystemLendsOnlyItsZone() throws SQLException {
    Calendar buddhist = new Calendar.Builder().setCalendarType("buddhist")
        .setTimeZone(TimeZone.getTimeZone("UTC")).build();
    assertThat(PlainConversions.toTimestamp(decoded(MOMENT), buddhist, COLUMN))
        .isEqualTo(PlainConversions.toTimestamp(decoded(MOMENT), calendar("UTC"), COLUMN));
  }

  @Test
  void aDateBeforeTheGregorianReformReadsBackAsTheSameDay() throws SQLException {
    LocalDate medieval = LocalDate.of(1500, 3, 1);
    assertThat(PlainConversions.toDate(decoded(medieval), null, COLUMN).toLocalDate()).isEqualTo(medieval);
    assertThat(PlainConversions.toTimestamp(decoded(medieval.atTime(8, 0)), null, COLUMN).toLocalDateTime())
        .isEqualTo(medieval.atTime(8, 0));
  }

  @Test
  void getObjectGivesJavaTimeTypes() throws SQLException {
    Object moment = decoded(MOMENT);
    assertThat(PlainConversions.toObject(moment, LocalDateTime.class, COLUMN)).isEqualTo(MOMENT);
    assertThat(PlainConversions.toObject(moment, LocalDate.class, COLUMN)).isEqualTo(DAY);
    assertThat(PlainConversions.toObject(moment, LocalTime.class, COLUMN)).isEqualTo(MOMENT.toLocalTime());
    assertThat(PlainConversions.toObject(decoded(DAY), LocalDateTime.class, COLUMN)).isEqualTo(DAY.atStartOfDay());
    assertThat(PlainConversions.toObject(decoded(CLOCK), LocalTime.class, COLUMN)).isEqualTo(CLOCK);
    assertThat(PlainConversions.toObject(decoded("2024-01-31 10:11:12"), LocalDateTime.class, COLUMN))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 11, 12));
    assertThat(PlainConversions.toObject(decoded("10:11:12.345"), LocalTime.class, COLUMN)).isEqualTo(CLOCK);

    ZoneId zone = ZoneId.systemDefault();
    assertThat(PlainConversions.toObject(moment, ZonedDateTime.class, COLUMN)).isEqualTo(MOMENT.atZone(zone));
    OffsetDateTime offset = PlainConversions.toObject(moment, OffsetDateTime.class, COLUMN);
    assertThat(offset.toLocalDateTime()).isEqualTo(MOMENT);
    assertThat(offset.getOffset()).isEqualTo(zone.getRules().getOffset(MOMENT));
    assertThat(PlainConversions.toObject(moment, Instant.class, COLUMN)).isEqualTo(MOMENT.atZone(zone).toInstant());
    assertThat(PlainConversions.toObject(decoded(DAY), Instant.class, COLUMN))
        .isEqualTo(DAY.atStartOfDay(zone).toInstant());
  }

  /** The JVM's zone when there is no calendar; run in one that is not UTC, so that UTC cannot pass for it. */
  @Test
  void withoutACalendarTheJvmsZoneIsUsed() throws SQLException {
    TimeZone jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
    try {
      Object moment = decoded(LocalDateTime.of(2024, 1, 31, 10, 11, 12));
      assertThat(PlainConversions.toTimestamp(moment, null, COLUMN).toInstant())
          .isEqualTo(Instant.parse("2024-01-31T04:41:12Z"));
      assertThat(PlainConversions.toDate(decoded(DAY), null, COLUMN).getTime())
          .isEqualTo(Instant.parse("2024-01-30T18:30:00Z").toEpochMilli());
      assertThat(PlainConversions.toObject(moment, ZonedDateTime.class, COLUMN).getZone())
          .isEqualTo(ZoneId.of("Asia/Kolkata"));
      assertThat(PlainConversions.toObject(moment, Instant.class, COLUMN))
          .isEqualTo(Instant.parse("2024-01-31T04:41:12Z"));
    } finally {
      TimeZone.setDefault(jvmZone);
    }
  }

  @Test
  void getObjectGivesJavaSqlTypes() throws SQLException {
    Object moment = decoded(MOMENT);
    assertThat(PlainConversions.toObject(moment, Timestamp.class, COLUMN)).isEqualTo(Timestamp.valueOf(MOMENT));
    assertThat(PlainConversions.toObject(moment, java.util.Date.class, COLUMN))
        .isInstanceOf(Timestamp.class).isEqualTo(Timestamp.valueOf(MOMENT));
    assertThat(PlainConversions.toObject(moment, java.sql.Date.class, COLUMN)).isEqualTo(java.sql.Date.valueOf(DAY));
    assertThat(PlainConversions.toObject(moment, Time.class, COLUMN))
        .isEqualTo(new Time(Time.valueOf("10:11:12").getTime() + 123));
    assertThat(PlainConversions.toObject(moment, String.class, COLUMN)).isEqualTo("2024-01-31 10:11:12.123456789");
  }
}

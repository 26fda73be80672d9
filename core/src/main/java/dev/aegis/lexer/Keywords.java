package dev.aegis.lexer;

/**
 * MySQL's reserved words and the statement words detection cares about, looked up case-insensitively
 * straight from the statement's characters: no substring, no upper-casing, no allocation.
 */
final class Keywords {
  private static final String[] WORDS = (
      "ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL "
      + "CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE "
      + "CROSS CUBE CUME_DIST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE "
      + "DATABASES DAY_HOUR DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE "
      + "DENSE_RANK DESC DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW DIV DOUBLE DROP DUAL EACH ELSE ELSEIF "
      + "EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT EXPLAIN FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR "
      + "FORCE FOREIGN FROM FULLTEXT FUNCTION GENERATED GET GRANT GROUP GROUPING GROUPS HAVING HIGH_PRIORITY "
      + "HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IN INDEX INFILE INNER INOUT INSENSITIVE INSERT "
      + "INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO IO_AFTER_GTIDS IO_BEFORE_GTIDS IS "
      + "ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT "
      + "LINEAR LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY "
      + "MASTER_BIND MASTER_SSL_VERIFY_SERVER_CERT MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT "
      + "MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL "
      + "NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER PARTITION "
      + "PERCENT_RANK PRECISION PRIMARY PROCEDURE PURGE RANGE RANK READ READS READ_WRITE REAL RECURSIVE "
      + "REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN REVOKE RIGHT RLIKE "
      + "ROW ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL "
      + "SMALLINT SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS "
      + "SQL_SMALL_RESULT SSL STARTING STORED STRAIGHT_JOIN SYSTEM TABLE TERMINATED THEN TINYBLOB TINYINT "
      + "TINYTEXT TO TRAILING TRIGGER TRUE UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING "
      + "UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR VARCHARACTER VARYING VIRTUAL WHEN WHERE "
      + "WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL "
      // Not reserved in MySQL, but statement words that detection and the digest treat as keywords.
      + "BEGIN COMMIT ROLLBACK SAVEPOINT START TRANSACTION TRUNCATE VALUE DATA LOCAL GLOBAL SESSION "
      + "PERSIST PERSIST_ONLY USER PASSWORD IDENTIFIED PLUGIN SONAME INSTALL UNINSTALL DUMPFILE DUPLICATE "
      + "END ESCAPE OFFSET SHARE MODE NOWAIT SKIP LOCKED VIEW EVENT SERVER TEMPORARY IDENTIFIED ROLE "
      + "PRIVILEGES FLUSH HANDLER PREPARE EXECUTE DEALLOCATE DO SOUNDS ANY SOME UNKNOWN").split(" ");
  private static final int MASK;
  private static final String[] TABLE;

  static {
    int size = Integer.highestOneBit(WORDS.length * 4);
    MASK = size - 1;
    TABLE = new String[size];
    for (String word : WORDS) {
      int slot = hash(word, 0, word.length()) & MASK;
      while (TABLE[slot] != null && !TABLE[slot].equals(word)) {
        slot = (slot + 1) & MASK;
      }
      TABLE[slot] = word;
    }
  }

  private Keywords() {}

  /** Whether {@code text[start, end)} is a keyword, in any case. */
  static boolean isKeyword(CharSequence text, int start, int end) {
    int length = end - start;
    if (length < 2 || length > 40) {
      return false;
    }
    int slot = hash(text, start, end) & MASK;
    for (String word = TABLE[slot]; word != null; word = TABLE[slot = (slot + 1) & MASK]) {
      if (word.length() == length && matches(word, text, start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text[start, end)} is the word {@code upper} (given in upper case), in any case. */
  static boolean is(CharSequence text, int start, int end, String upper) {
    return end - start == upper.length() && matches(upper, text, start);
  }

  private static boolean matches(String upper, CharSequence text, int start) {
    for (int i = 0; i < upper.length(); i++) {
      if (upper.charAt(i) != upperAscii(text.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(CharSequence text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + upperAscii(text.charAt(i));
    }
    return h ^ (h >>> 16);
  }

  static char upperAscii(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}

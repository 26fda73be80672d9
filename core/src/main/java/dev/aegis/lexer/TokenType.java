package dev.aegis.lexer;

/** The kinds of token the lexer tells apart. Whitespace is not a token. */
public enum TokenType {
  /** A reserved or statement word, compared upper case: SELECT, UNION, OR, TRUE, NULL. */
  KEYWORD,
  /** An unquoted name: a table, column, alias or function name. */
  IDENTIFIER,
  /** A name in backticks. */
  QUOTED_IDENTIFIER,
  /** A string literal in single or double quotes, with an optional {@code _charset} or {@code N} prefix. */
  STRING,
  /** A decimal, float or exponent number. */
  NUMBER,
  /** {@code X'4142'} or {@code 0x4142}. */
  HEX,
  /** {@code b'0101'} or {@code 0b0101}. */
  BIT,
  /** A JDBC parameter {@code ?}. */
  PLACEHOLDER,
  /** {@code @name}, {@code @'name'}, {@code @`name`}. */
  USER_VARIABLE,
  /** {@code @@name}, {@code @@global.name}, {@code @@session.name}. */
  SYSTEM_VARIABLE,
  /** An operator: {@code = <> != <=> < > <= >= + - * / % ! ~ ^ & | || && << >> := ->>} and so on. */
  OPERATOR,
  LEFT_PAREN,
  RIGHT_PAREN,
  COMMA,
  DOT,
  SEMICOLON,
  /** An ordinary comment: {@code -- …}, {@code # …} or {@code /* … *}{@code /} (also optimizer hints). */
  COMMENT,
  /** The opening of a MySQL executable comment: {@code /*!} or {@code /*!50000}; its content is SQL. */
  EXECUTABLE_COMMENT_START,
  /** The {@code *}{@code /} that closes an executable comment. */
  EXECUTABLE_COMMENT_END,
  /** A character that starts no token MySQL knows. */
  UNKNOWN;

  /** A literal value: replaced by {@code ?} in the digest. */
  public boolean isLiteral() {
    return this == STRING || this == NUMBER || this == HEX || this == BIT;
  }

  /** A value slot: a literal or a JDBC parameter. */
  public boolean isValue() {
    return isLiteral() || this == PLACEHOLDER;
  }
}

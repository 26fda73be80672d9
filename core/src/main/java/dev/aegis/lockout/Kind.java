package dev.aegis.lockout;

/** What a tally, a lockout or a refusal is about: a client address or a database user. */
enum Kind {
  ADDRESS("address"),
  USER("user");

  private final String tag;

  Kind(String tag) {
    this.tag = tag;
  }

  /** The value of the {@code kind} meter tag. */
  String tag() {
    return tag;
  }
}

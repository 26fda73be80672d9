package dev.aegis.response;

import java.util.Locale;

/** What a block names: a principal (the application's end user) or a client address. */
public enum BlockKind {
  PRINCIPAL,
  ADDRESS;

  /** As stored in {@code aegis_blocks.kind} and written on the command line: principal, address. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind stored as {@code tag}, or null for anything else (a row written by hand). */
  public static BlockKind of(String tag) {
    for (BlockKind kind : values()) {
      if (kind.tag().equals(tag)) {
        return kind;
      }
    }
    return null;
  }
}

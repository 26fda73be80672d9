package dev.aegis.serveraudit;

import java.util.Locale;

/**
 * How far {@code aegis harden} goes. Each level includes the ones before it.
 *
 * <ul>
 *   <li>{@code basic}: removes what no production server needs (anonymous accounts, the test database and its
 *       grants, LOAD DATA LOCAL); no application notices.
 *   <li>{@code standard}: also takes server-wide and administrative privileges from application accounts
 *       (keeping their privileges on each application schema), locks remote root and password-less accounts,
 *       turns on strict SQL mode, and requires TLS when the server offers it and this session uses it.
 *   <li>{@code strict}: also requires TLS of every remote account, locks accounts after failed log-ins, loads
 *       password validation and the audit log plugin where the server has them.
 * </ul>
 */
public enum HardeningLevel {
  BASIC,
  STANDARD,
  STRICT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean includes(HardeningLevel other) {
    return compareTo(other) >= 0;
  }
}

package dev.aegis.serveraudit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every check the audit runs, in report order. Ids are stable: reports and CI gates refer to them. */
public final class CheckCatalogue {
  private CheckCatalogue() {}

  public static List<AuditCheck> all() {
    return all(Instant::now);
  }

  /** With a clock, so certificate expiry and key age can be tested on a fixed day. */
  public static List<AuditCheck> all(Supplier<Instant> clock) {
    List<AuditCheck> checks = new ArrayList<>();
    checks.addAll(AccountChecks.all());
    checks.addAll(PrivilegeChecks.all());
    checks.addAll(NetworkChecks.all(clock));
    checks.addAll(ConfigurationChecks.all());
    checks.addAll(LoggingChecks.all());
    checks.addAll(AegisChecks.all(clock));
    return List.copyOf(checks);
  }
}

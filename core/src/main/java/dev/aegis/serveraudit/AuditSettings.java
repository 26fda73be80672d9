package dev.aegis.serveraudit;

import java.util.Locale;
import java.util.Set;

/**
 * What the audit is told rather than what it reads.
 *
 * @param admins accounts that may hold administrative privileges, as {@code user@host} or {@code user}
 *     (any host); root on the server's own machine, the server's own system accounts and the account running
 *     the audit are administrators without being named
 * @param certificateWarningDays a server certificate expiring sooner than this fails
 * @param maxPasswordLifetimeDays the longest {@code default_password_lifetime} that passes
 * @param minEventRetentionDays the shortest {@code events.retention-days} that passes
 */
public record AuditSettings(Set<String> admins, int certificateWarningDays, int maxPasswordLifetimeDays,
    int minEventRetentionDays) {
  public static final AuditSettings DEFAULTS = new AuditSettings(Set.of(), 30, 365, 365);

  public AuditSettings {
    admins = Set.copyOf(admins);
  }

  public AuditSettings withAdmins(Set<String> names) {
    return new AuditSettings(names, certificateWarningDays, maxPasswordLifetimeDays, minEventRetentionDays);
  }

  /** Whether {@code account} counts as an administrator on the server {@code facts} describe. */
  public boolean admin(Account account, ServerFacts facts) {
    if (account.system() || account.grantee().equals(facts.currentGrantee())) {
      return true;
    }
    if (account.user().equals("root") && account.localOnly()) {
      return true;
    }
    String lower = (account.user() + "@" + account.host()).toLowerCase(Locale.ROOT);
    return admins.stream().map(a -> a.toLowerCase(Locale.ROOT))
        .anyMatch(a -> a.equals(lower) || a.equals(account.user().toLowerCase(Locale.ROOT)));
  }
}

package dev.aegis.serveraudit;

import java.util.Locale;
import java.util.Set;

/**
 * What the audit is told rather than what it reads.
 *
 * @param admins accounts that may hold administrative privileges, as {@code user@host} or {@code user}
 *     (any host); root on the server's own machine, the server's own system accounts and the account running
 *     the audit (every host entry of its user name) are administrators without being named
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

  /**
   * Whether {@code account} is the one running the audit, under any of its host entries: which entry a login
   * matches depends on name resolution, so all of them are treated alike and none is ever changed.
   */
  public static boolean runsTheAudit(Account account, ServerFacts facts) {
    String current = facts.currentUser();
    int at = current.lastIndexOf('@');
    return account.user().equals(at < 0 ? current : current.substring(0, at)) && !account.anonymous();
  }

  /** Whether {@code account} counts as an administrator on the server {@code facts} describe. */
  public boolean admin(Account account, ServerFacts facts) {
    if (account.system() || runsTheAudit(account, facts)) {
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

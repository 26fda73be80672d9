package dev.aegis.serveraudit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The compliance frameworks checks map to; {@link #id()} is the name {@code --framework} takes. */
public enum Framework {
  CIS("cis", "CIS Oracle MySQL 8.0 Benchmark"),
  OWASP("owasp", "OWASP Top 10 (2021)"),
  PCI_DSS("pci-dss", "PCI DSS v4.0"),
  GDPR("gdpr", "GDPR"),
  HIPAA("hipaa", "HIPAA Security Rule (45 CFR 164)"),
  SOX("sox", "SOX IT general controls"),
  ISO27001("iso27001", "ISO/IEC 27001:2022 Annex A");

  private final String id;
  private final String title;

  Framework(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public static Optional<Framework> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  /** "cis, owasp, …", for messages listing what is accepted. */
  public static String ids() {
    return Arrays.stream(values()).map(Framework::id).collect(Collectors.joining(", "));
  }
}

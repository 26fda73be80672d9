package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Controls.*;

import dev.aegis.serveraudit.AuditCheck.Verdict;
import dev.aegis.serveraudit.tls.ServerCertificate;
import dev.aegis.serveraudit.tls.TlsObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** What protects the connection between the application and the server. */
final class NetworkChecks {
  static final String AREA = "network";
  /** Cipher-name fragments of suites broken or without authentication or secrecy. */
  static final List<String> WEAK_CIPHER_MARKS = List.of("NULL", "EXP", "EXPORT", "RC4", "RC2", "DES-CBC", "3DES",
      "DES_CBC", "_DES_", "MD5", "ADH", "AECDH", "ANON", "IDEA", "SEED", "PSK");
  static final Set<String> WEAK_PROTOCOLS = Set.of("SSLV3", "TLSV1", "TLSV1.0", "TLSV1.1");
  private static final String CERTS = "Generate a CA and a server certificate (aegis certs generate), then in my.cnf"
      + " under [mysqld]: ssl_ca, ssl_cert, ssl_key, and restart the server.";

  private NetworkChecks() {}

  static List<AuditCheck> all(Supplier<Instant> clock) {
    return List.of(
        new AuditCheck(new CheckDefinition("NET-01", "TLS offered by the server", AREA, Severity.HIGH,
            List.of(CIS_SECURE_TRANSPORT, OWASP_CRYPTO, PCI_ADMIN_ENCRYPTED, PCI_TRANSMISSION, HIPAA_TRANSMISSION,
                GDPR_ENCRYPTION, SOX_DATA_PROTECTION, ISO_NETWORK, ISO_CRYPTOGRAPHY)), NetworkChecks::offered),
        new AuditCheck(new CheckDefinition("NET-02", "Unencrypted connections refused (require_secure_transport)",
            AREA, Severity.HIGH, List.of(CIS_SECURE_TRANSPORT, OWASP_CRYPTO, PCI_ADMIN_ENCRYPTED, PCI_TRANSMISSION,
                HIPAA_TRANSMISSION, GDPR_ENCRYPTION, SOX_DATA_PROTECTION, ISO_NETWORK)),
            NetworkChecks::secureTransport),
        new AuditCheck(new CheckDefinition("NET-03", "Remote accounts must use TLS (REQUIRE SSL)", AREA,
            Severity.MEDIUM, List.of(CIS_REMOTE_SSL, OWASP_CRYPTO, PCI_TRANSMISSION, HIPAA_TRANSMISSION,
                ISO_NETWORK)), NetworkChecks::remoteAccounts),
        new AuditCheck(new CheckDefinition("NET-04", "Only TLS 1.2 and 1.3 accepted", AREA, Severity.MEDIUM,
            List.of(CIS_TLS_VERSIONS, OWASP_CRYPTO, PCI_TRANSMISSION, HIPAA_TRANSMISSION, ISO_CRYPTOGRAPHY)),
            NetworkChecks::versions),
        new AuditCheck(new CheckDefinition("NET-05", "No weak TLS cipher suites", AREA, Severity.MEDIUM,
            List.of(CIS_CIPHERS, OWASP_CRYPTO, PCI_TRANSMISSION, HIPAA_TRANSMISSION, ISO_CRYPTOGRAPHY)),
            NetworkChecks::ciphers),
        new AuditCheck(new CheckDefinition("NET-06", "Server certificate valid and not about to expire", AREA,
            Severity.HIGH, List.of(CIS_CRYPTO_MATERIAL, OWASP_CRYPTO, PCI_TRANSMISSION, HIPAA_TRANSMISSION,
                ISO_CRYPTOGRAPHY)), (facts, settings) -> expiry(facts, settings, clock.get())),
        new AuditCheck(new CheckDefinition("NET-07", "Server certificate key and signature strong", AREA,
            Severity.MEDIUM, List.of(CIS_CRYPTO_MATERIAL, OWASP_CRYPTO, PCI_TRANSMISSION, ISO_CRYPTOGRAPHY)),
            NetworkChecks::keyStrength),
        new AuditCheck(new CheckDefinition("NET-08", "Host names not resolved for authentication"
            + " (skip_name_resolve)", AREA, Severity.LOW, List.of(OWASP_MISCONFIG, SOX_CONFIGURATION, ISO_NETWORK)),
            NetworkChecks::nameResolve));
  }

  /** The probe's observation when a handshake worked, or the verdict to give instead. */
  private static Object handshake(ServerFacts facts) {
    TlsObservation tls = facts.tls();
    if (tls == null) {
      return Verdict.unknown("no TLS handshake was tried (--no-tls-probe)");
    }
    if (!tls.offered() || tls.protocol() == null) {
      return Verdict.notApplicable("the server offers no working TLS (see NET-01)");
    }
    return tls;
  }

  private static Verdict offered(ServerFacts facts, AuditSettings settings) {
    TlsObservation tls = facts.tls();
    String haveSsl = "have_ssl = " + facts.variable("have_ssl").orElse("(absent)");
    if (tls == null) {
      return facts.variable("have_ssl").map(v -> v.equalsIgnoreCase("YES")).orElse(false)
          ? Verdict.pass(haveSsl + " (no handshake tried)") : Verdict.fail(List.of(haveSsl), CERTS);
    }
    if (!tls.offered()) {
      return Verdict.fail(List.of("the server's greeting does not offer TLS", haveSsl), CERTS);
    }
    if (tls.protocol() == null) {
      return Verdict.fail(List.of("the server offers TLS but the handshake failed: " + tls.failure(), haveSsl),
          "Check the server's ssl_cert and ssl_key (the error log says why it cannot use them). " + CERTS);
    }
    return Verdict.pass("handshake completed: " + tls.protocol() + ", " + tls.cipherSuite(), haveSsl);
  }

  private static Verdict secureTransport(ServerFacts facts, AuditSettings settings) {
    var value = facts.variable("require_secure_transport");
    if (value.isEmpty()) {
      return Verdict.fail(List.of("this server has no require_secure_transport (MariaDB 10.5.2+ and MySQL 5.7.8+"
          + " do): every account that is not REQUIRE SSL may connect in clear text"),
          "Upgrade, or give every account REQUIRE SSL.");
    }
    if (facts.on("require_secure_transport")) {
      return Verdict.pass("require_secure_transport = ON");
    }
    return Verdict.fail(List.of("require_secure_transport = " + value.get()
        + ": clients may connect without TLS, and passwords and data cross the network in clear text"),
        (facts.mariadb() ? "SET GLOBAL" : "SET PERSIST") + " require_secure_transport = ON;"
            + (facts.mariadb() ? "  -- and require_secure_transport = ON under [mysqld] in my.cnf" : "")
            + "\n(after TLS works: NET-01; clients then need sslMode=REQUIRED or stronger)");
  }

  private static Verdict remoteAccounts(ServerFacts facts, AuditSettings settings) {
    return AccountChecks.withAccounts(facts, accounts -> {
      List<Account> found = accounts.stream().filter(a -> !a.localOnly() && !a.locked() && !a.system()
          && a.sslType().isEmpty()).toList();
      if (found.isEmpty()) {
        return Verdict.pass("every unlocked remote account must log in over TLS");
      }
      String require = facts.on("require_secure_transport") ? " (require_secure_transport is ON, which covers"
          + " them on this server)" : "";
      if (!require.isEmpty()) {
        return Verdict.pass("remote accounts without REQUIRE SSL: " + AccountChecks.names(found) + require);
      }
      return Verdict.fail(List.of("remote account(s) that may log in without TLS: " + AccountChecks.names(found)),
          found.stream().map(a -> "ALTER USER " + a.grantee() + " REQUIRE SSL;").reduce((a, b) -> a + "\n" + b)
              .orElse(""));
    });
  }

  private static Verdict versions(ServerFacts facts, AuditSettings settings) {
    Object handshake = handshake(facts);
    if (handshake instanceof Verdict verdict) {
      return verdict;
    }
    TlsObservation tls = (TlsObservation) handshake;
    Set<String> accepted = new LinkedHashSet<>();
    facts.variable("tls_version").ifPresent(v -> Arrays.stream(v.split(",")).map(String::strip)
        .filter(p -> !p.isEmpty()).forEach(accepted::add));
    tls.protocolsAccepted().forEach((protocol, ok) -> {
      if (ok) {
        accepted.add(protocol);
      }
    });
    List<String> weak = accepted.stream().filter(p -> WEAK_PROTOCOLS.contains(p.toUpperCase(Locale.ROOT))).toList();
    List<String> evidence = List.of("accepted: " + String.join(", ", accepted));
    if (weak.isEmpty()) {
      return Verdict.pass(evidence);
    }
    List<String> failed = new ArrayList<>(evidence);
    failed.add("weak: " + String.join(", ", weak) + " (deprecated by RFC 8996)");
    return Verdict.fail(failed, "tls_version = TLSv1.2,TLSv1.3 under [mysqld] in my.cnf, then restart"
        + (facts.mariadb() ? "" : " (or SET PERSIST tls_version = 'TLSv1.2,TLSv1.3'; ALTER INSTANCE RELOAD TLS;)"));
  }

  private static Verdict ciphers(ServerFacts facts, AuditSettings settings) {
    Object handshake = handshake(facts);
    if (handshake instanceof Verdict verdict) {
      return verdict;
    }
    TlsObservation tls = (TlsObservation) handshake;
    Set<String> offered = new LinkedHashSet<>();
    String list = facts.status().getOrDefault("ssl_cipher_list", "");
    Arrays.stream(list.split(":")).map(String::strip).filter(c -> !c.isEmpty()).forEach(offered::add);
    if (tls.cipherSuite() != null) {
      offered.add(tls.cipherSuite());
    }
    List<String> weak = offered.stream().filter(NetworkChecks::weakCipher).toList();
    List<String> evidence = new ArrayList<>();
    evidence.add(offered.size() + " cipher suite(s) known to be offered; negotiated " + tls.cipherSuite());
    if (weak.isEmpty()) {
      return Verdict.pass(evidence);
    }
    evidence.add("weak: " + String.join(", ", weak));
    return Verdict.fail(evidence, "ssl_cipher = 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:"
        + "ECDHE-RSA-CHACHA20-POLY1305' under [mysqld] in my.cnf (TLS 1.3 suites are all strong), then restart");
  }

  static boolean weakCipher(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return WEAK_CIPHER_MARKS.stream().anyMatch(upper::contains);
  }

  private static Verdict expiry(ServerFacts facts, AuditSettings settings, Instant now) {
    Object handshake = handshake(facts);
    if (handshake instanceof Verdict verdict) {
      return verdict;
    }
    TlsObservation tls = (TlsObservation) handshake;
    if (tls.chain().isEmpty()) {
      return Verdict.unknown("the handshake presented no certificate");
    }
    ServerCertificate leaf = tls.chain().get(0);
    List<String> evidence = new ArrayList<>();
    evidence.add("subject " + leaf.subject() + ", issuer " + leaf.issuer() + (leaf.selfSigned() ? " (self-signed)"
        : ""));
    evidence.add("valid " + leaf.notBefore() + " to " + leaf.notAfter());
    long daysLeft = Duration.between(now, leaf.notAfter()).toDays();
    String renew = "Issue a new server certificate (aegis certs generate, or your CA), point ssl_cert and ssl_key"
        + " at it and reload TLS (MySQL: ALTER INSTANCE RELOAD TLS; MariaDB 10.4+: FLUSH SSL).";
    if (now.isAfter(leaf.notAfter())) {
      evidence.add("EXPIRED " + -daysLeft + " day(s) ago");
      return Verdict.fail(evidence, renew);
    }
    if (now.isBefore(leaf.notBefore())) {
      evidence.add("not valid yet");
      return Verdict.fail(evidence, renew);
    }
    evidence.add("expires in " + daysLeft + " day(s)");
    if (daysLeft < settings.certificateWarningDays()) {
      return Verdict.fail(evidence, renew);
    }
    return Verdict.pass(evidence);
  }

  private static Verdict keyStrength(ServerFacts facts, AuditSettings settings) {
    Object handshake = handshake(facts);
    if (handshake instanceof Verdict verdict) {
      return verdict;
    }
    TlsObservation tls = (TlsObservation) handshake;
    if (tls.chain().isEmpty()) {
      return Verdict.unknown("the handshake presented no certificate");
    }
    ServerCertificate leaf = tls.chain().get(0);
    String key = leaf.keyAlgorithm() + " " + leaf.keyBits() + " bits, signed " + leaf.signatureAlgorithm();
    String algorithm = leaf.keyAlgorithm().toUpperCase(Locale.ROOT);
    String signature = leaf.signatureAlgorithm().toUpperCase(Locale.ROOT);
    List<String> weak = new ArrayList<>();
    if (algorithm.equals("RSA") && leaf.keyBits() < 2048 || algorithm.startsWith("EC") && leaf.keyBits() < 256
        || algorithm.equals("DSA")) {
      weak.add("key too small or of a retired kind (RSA needs 2048 bits or more, 3072 recommended; EC 256)");
    }
    if (signature.contains("MD5") || signature.contains("SHA1WITH") || signature.startsWith("SHA1")) {
      weak.add("signature algorithm " + leaf.signatureAlgorithm() + " is broken");
    }
    if (weak.isEmpty()) {
      return Verdict.pass(key);
    }
    List<String> evidence = new ArrayList<>(List.of(key));
    evidence.addAll(weak);
    return Verdict.fail(evidence, "Issue a new certificate with an RSA 3072 or ECDSA P-256 key signed with SHA-256"
        + " (aegis certs generate).");
  }

  private static Verdict nameResolve(ServerFacts facts, AuditSettings settings) {
    if (facts.on("skip_name_resolve")) {
      return Verdict.pass("skip_name_resolve = ON");
    }
    return Verdict.fail(List.of("skip_name_resolve = OFF: accounts may match on DNS names, which whoever controls"
        + " reverse DNS can spoof, and every new connection waits on a DNS lookup"),
        "skip_name_resolve = ON under [mysqld] in my.cnf, then restart (accounts must then name IP addresses,"
            + " not host names)");
  }
}

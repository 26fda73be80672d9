package dev.aegis.serveraudit.tls;

import java.time.Instant;
import java.util.List;

/** What an audit reads off one certificate the server presented. */
public record ServerCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
    String keyAlgorithm, int keyBits, String signatureAlgorithm, boolean selfSigned,
    List<String> subjectAltNames) {
  public ServerCertificate {
    subjectAltNames = List.copyOf(subjectAltNames);
  }
}

package dev.aegis.serveraudit.tls;

import java.util.List;
import java.util.Map;

/**
 * What a TLS handshake with the server showed.
 *
 * @param offered whether the server's greeting advertises TLS at all
 * @param protocol the protocol negotiated ({@code TLSv1.3}); null when no handshake worked
 * @param chain the certificates presented, the server's own first; empty when none
 * @param protocolsAccepted for each protocol this JVM can try, whether a handshake limited to it worked
 * @param failure what went wrong when no handshake worked, for the evidence; null otherwise
 */
public record TlsObservation(boolean offered, String protocol, String cipherSuite, List<ServerCertificate> chain,
    Map<String, Boolean> protocolsAccepted, String failure) {
  public TlsObservation {
    chain = List.copyOf(chain);
    protocolsAccepted = Map.copyOf(protocolsAccepted);
  }
}

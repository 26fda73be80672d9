package dev.aegis.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.context.AegisContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The filter sets the caller for exactly the request it wraps (a unit without a database: no server needed). */
class AegisContextFilterTest {

  private static HttpServletRequest request(String user, String address) {
    return (HttpServletRequest) Proxy.newProxyInstance(AegisContextFilterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getUserPrincipal" -> user == null ? null : (java.security.Principal) () -> user;
          case "getRemoteAddr" -> address;
          default -> null;
        });
  }

  @Test
  void theRequestRunsAsItsUserAndAddressAndNothingIsLeftBehind() throws Exception {
    AtomicReference<AegisContext.Caller> seen = new AtomicReference<>();
    new AegisContextFilter().doFilter(request("alice", "203.0.113.7"), null, (req, res) -> {
      seen.set(AegisContext.current());
    });
    assertThat(seen.get()).isEqualTo(new AegisContext.Caller("alice", "203.0.113.7"));
    assertThat(AegisContext.current()).isNull();
  }

  @Test
  void anAnonymousRequestKeepsItsAddressAndAFailingOneStillRestores() throws Exception {
    AtomicReference<AegisContext.Caller> seen = new AtomicReference<>();
    new AegisContextFilter().doFilter(request(null, "198.51.100.9"), null, (req, res) -> seen.set(AegisContext.current()));
    assertThat(seen.get()).isEqualTo(new AegisContext.Caller(null, "198.51.100.9"));
    assertThatThrownBy(() -> new AegisContextFilter().doFilter(request("bob", "192.0.2.1"), null, (req, res) -> {
      throw new ServletException("handler failed");
    })).isInstanceOf(ServletException.class);
    assertThat(AegisContext.current()).isNull();
  }
}

package dev.aegis.examples;

import dev.aegis.context.AegisContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/**
 * Tells Aegis who is asking, per request: the authenticated user and the client's address, for every
 * statement the request runs. Register it after authentication (in Spring Boot, as a
 * {@code FilterRegistrationBean} or a {@code @Bean} ordered after Spring Security's filter chain; the
 * same body fits a {@code OncePerRequestFilter}).
 *
 * <p>The address is the connection's peer. Behind a reverse proxy, take it from the header the proxy sets
 * — and only from a proxy you trust, since a client can send any header; the servlet container's own
 * forwarded-header support ({@code server.forward-headers-strategy} in Spring Boot, Tomcat's
 * {@code RemoteIpValve}) is the safe way, and then {@code getRemoteAddr()} is already right.
 */
public final class AegisContextFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String user = null;
    if (request instanceof HttpServletRequest http) {
      Principal principal = http.getUserPrincipal();
      user = principal == null ? null : principal.getName();
    }
    try (AegisContext.Scope scope = AegisContext.enter(user, request.getRemoteAddr())) {
      chain.doFilter(request, response);
    }
  }
}

package dev.aegis.context;

import java.util.Objects;
import org.slf4j.MDC;

/**
 * Who is asking, per request: the application's end user and the client's address, set by the
 * application (a servlet filter, a message listener) for the statements its thread runs. Detection,
 * lockout and security events attribute what they see to this caller; without one they fall back to the
 * database user and this host. The values also go into the SLF4J MDC ({@code aegis.principal},
 * {@code aegis.address}) for the application's own logs.
 *
 * <pre>{@code
 * try (AegisContext.Scope scope = AegisContext.enter(user.getName(), request.getRemoteAddr())) {
 *   chain.doFilter(request, response);
 * }
 * }</pre>
 *
 * Scopes nest: closing one restores what was set before it. A scope belongs to the thread that opened it.
 */
public final class AegisContext {
  public static final String MDC_PRINCIPAL = "aegis.principal";
  public static final String MDC_ADDRESS = "aegis.address";

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private AegisContext() {}

  /** The caller set on this thread, or null. */
  public static Caller current() {
    return CURRENT.get();
  }

  /**
   * Sets the caller for this thread until the returned scope is closed.
   *
   * @param principal the end user (a name or id, never a secret), or null when unknown
   * @param address the client's address as the application sees it, or null when unknown
   */
  public static Scope enter(String principal, String address) {
    Caller previous = CURRENT.get();
    Caller caller = new Caller(principal, address);
    CURRENT.set(caller);
    putOrRemove(MDC_PRINCIPAL, principal);
    putOrRemove(MDC_ADDRESS, address);
    return new Scope(previous, caller);
  }

  private static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /**
   * The end user and client address of a request.
   *
   * @param principal the end user, or null
   * @param address the client address, or null
   */
  public record Caller(String principal, String address) {
    public Caller {
      principal = blankToNull(principal);
      address = blankToNull(address);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  /** Restores the previous caller when closed. */
  public static final class Scope implements AutoCloseable {
    private final Caller previous;
    private final Caller own;
    private boolean closed;

    private Scope(Caller previous, Caller own) {
      this.previous = previous;
      this.own = own;
    }

    /** The caller this scope set. */
    public Caller caller() {
      return own;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (previous == null) {
        CURRENT.remove();
        MDC.remove(MDC_PRINCIPAL);
        MDC.remove(MDC_ADDRESS);
      } else {
        CURRENT.set(previous);
        putOrRemove(MDC_PRINCIPAL, previous.principal());
        putOrRemove(MDC_ADDRESS, previous.address());
      }
    }

    @Override
    public String toString() {
      return "AegisContext.Scope(" + Objects.toString(own.principal(), "-") + "@"
          + Objects.toString(own.address(), "-") + ")";
    }
  }
}

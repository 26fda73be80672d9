package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whom automatic response counts blocked statements for, and so whom it blocks. */
public enum ResponseScope {
  /** The principal the application set in {@code AegisContext}. */
  @JsonProperty("principal")
  PRINCIPAL,
  /** The client address the application set in {@code AegisContext}. */
  @JsonProperty("address")
  ADDRESS,
  /** Each of them, counted separately. The default. */
  @JsonProperty("both")
  BOTH;

  public boolean principals() {
    return this != ADDRESS;
  }

  public boolean addresses() {
    return this != PRINCIPAL;
  }
}

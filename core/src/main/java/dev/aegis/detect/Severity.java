package dev.aegis.detect;

/** How bad a finding is if it is what it looks like. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}

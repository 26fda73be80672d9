package dev.aegis.serveraudit;

import java.util.Objects;

/**
 * One requirement of a framework that a check gives evidence for, such as PCI DSS 8.3.6 or CIS 7.7.
 *
 * @param id the framework's own reference, as auditors cite it
 * @param title its short name
 */
public record Control(Framework framework, String id, String title) {
  public Control {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }

  @Override
  public String toString() {
    return framework.id() + " " + id;
  }
}

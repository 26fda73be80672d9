package dev.aegis.serveraudit;

import java.util.List;

/**
 * What a check is, independent of any server: its stable id (reports, JSON and {@code docs/audit.md} use
 * it; never reused for another meaning), its title, area, severity and the framework controls it evidences.
 */
public record CheckDefinition(String id, String title, String area, Severity severity, List<Control> controls) {
  public CheckDefinition {
    controls = List.copyOf(controls);
  }

  public boolean mapsTo(Framework framework) {
    return controls.stream().anyMatch(c -> c.framework() == framework);
  }

  public List<Control> controlsOf(Framework framework) {
    return controls.stream().filter(c -> c.framework() == framework).toList();
  }
}

package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What detection does with its verdicts. */
public enum DetectionMode {
  /** No detection at all. */
  @JsonProperty("off")
  OFF,
  /** Records statement shapes into the allowlist; blocks nothing. */
  @JsonProperty("learn")
  LEARN,
  /** Judges every statement and reports; blocks nothing. The default. */
  @JsonProperty("monitor")
  MONITOR,
  /** Blocks statements whose verdict reaches the block threshold. */
  @JsonProperty("enforce")
  ENFORCE
}

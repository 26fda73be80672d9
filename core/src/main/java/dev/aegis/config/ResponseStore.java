package dev.aegis.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where automatic response keeps its blocks. */
public enum ResponseStore {
  /** The table {@code aegis_blocks} of the application's database, shared by every instance using it. */
  @JsonProperty("jdbc")
  JDBC,
  /** This instance's memory only: nothing is shared, and a restart forgets every block. */
  @JsonProperty("memory")
  MEMORY
}

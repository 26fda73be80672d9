package dev.aegis.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code keys:} section: the key-encryption key and the store of encrypted Tink keysets.
 *
 * @param master the master key (key-encryption key): {@code file:PATH} or {@code env:VAR}
 * @param keysets the encrypted keysets by name: {@code file:PATH} or {@code jdbc}
 */
public record KeysConfig(
    @JsonDeserialize(using = Location.MasterKey.class) Location master,
    @JsonDeserialize(using = Location.FileOrJdbc.class) Location keysets) {

  static final KeysConfig NONE = new KeysConfig(null, null);
}

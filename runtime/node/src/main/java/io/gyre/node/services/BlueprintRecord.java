package io.gyre.node.services;

import io.gyre.node.actor.GyreSerializable;
import java.util.List;

/**
 * A blueprint: a name and the modules (by hash) a service made from it loads, the last one being
 * its facade. Its id is the sha256 of its name and dependencies, so adding it twice is a no-op.
 */
public record BlueprintRecord(String id, String name, List<String> dependencies)
    implements GyreSerializable {

  public BlueprintRecord {
    dependencies = List.copyOf(dependencies);
  }

  /** The blueprint of {@code name} over {@code hashes}, with its content-derived id. */
  public static BlueprintRecord of(String name, List<String> hashes) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (name + "\n" + String.join("\n", hashes))
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new BlueprintRecord(java.util.HexFormat.of().formatHex(digest), name, hashes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}

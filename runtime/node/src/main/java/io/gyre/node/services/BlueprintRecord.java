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
}

package io.gyre.node.services;

import io.gyre.node.actor.GyreSerializable;
import java.util.List;

/**
 * A deployed service: its id, the blueprint it was made from, the peer id that owns it (the init
 * peer of the particle that created it: only it may remove it), its aliases on the hosting peer,
 * and the peer that hosts it.
 */
public record ServiceRecord(
    String id, String blueprintId, String ownerPeerId, List<String> aliases, String hostPeerId)
    implements GyreSerializable {

  public ServiceRecord {
    aliases = List.copyOf(aliases);
  }

  public ServiceRecord withAlias(String alias) {
    if (aliases.contains(alias)) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(aliases);
    more.add(alias);
    return new ServiceRecord(id, blueprintId, ownerPeerId, more, hostPeerId);
  }

  public ServiceRecord withoutAlias(String alias) {
    return new ServiceRecord(
        id,
        blueprintId,
        ownerPeerId,
        aliases.stream().filter(a -> !a.equals(alias)).toList(),
        hostPeerId);
  }
}

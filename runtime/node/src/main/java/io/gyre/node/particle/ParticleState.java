package io.gyre.node.particle;

import java.util.Set;

/**
 * What a peer keeps of a particle between its visits: its data so far and the digests of the data
 * that arrived (to drop duplicates). A quiet particle's actor hands this to the inbox and stops; a
 * later arrival starts a new actor from it.
 */
record ParticleState(byte[] prevData, Set<String> seenData) {
  static final ParticleState EMPTY = new ParticleState(new byte[0], Set.of());

  ParticleState {
    seenData = Set.copyOf(seenData);
  }
}

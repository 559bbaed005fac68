package io.gyre.proofs.capacity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The answers accepted so far, by unit and epoch: a nonce counts once. An event-sourced holder (the
 * marketplace) rebuilds it by adding its accepted proofs again on replay. Thread-safe.
 */
public final class AcceptedAnswers {

  private record Key(String unitId, long epoch) {}

  private final Map<Key, Set<Long>> nonces = new HashMap<>();

  /** Adds the answer; false when it was already there. */
  public synchronized boolean add(CapacityProof proof) {
    return nonces
        .computeIfAbsent(new Key(proof.unitId(), proof.epoch()), k -> new HashSet<>())
        .add(proof.nonce());
  }

  public synchronized boolean contains(CapacityProof proof) {
    return nonces
        .getOrDefault(new Key(proof.unitId(), proof.epoch()), Set.of())
        .contains(proof.nonce());
  }

  /** How many distinct answers {@code unitId} has in {@code epoch}. */
  public synchronized int count(String unitId, long epoch) {
    return nonces.getOrDefault(new Key(unitId, epoch), Set.of()).size();
  }

  /** Forgets epochs before {@code epoch}: their proofs are stale anyway. */
  public synchronized void forgetBefore(long epoch) {
    nonces.keySet().removeIf(k -> k.epoch() < epoch);
  }
}

package io.gyre.marketplace.deal;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.offer.UnitId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deal the marketplace holds. Pending deals hold no units; an active one holds between its
 * minimum and its target; an ended one none.
 *
 * @param excluded units whose proofs failed for this deal: never matched to it again
 * @param epochsServed paid epochs so far
 */
public record Deal(
    DealId id,
    PeerId owner,
    DealSpec spec,
    Phase phase,
    List<Assignment> assignments,
    Set<UnitId> excluded,
    int epochsServed,
    Optional<EndReason> endReason) {
  public enum Phase {
    PENDING,
    ACTIVE,
    ENDED
  }

  public Deal {
    assignments = List.copyOf(assignments);
    excluded = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
  }

  public static Deal open(DealId id, PeerId owner, DealSpec spec) {
    return new Deal(id, owner, spec, Phase.PENDING, List.of(), Set.of(), 0, Optional.empty());
  }

  public long sequence() {
    return id.sequence();
  }

  /** 2 × target units × max price: what the escrow must hold before the deal is matched. */
  public Optional<Long> requiredBalance() {
    return io.gyre.marketplace.ledger.Amounts.multiply(
        2L * spec.targetUnits(), spec.maxPricePerUnit());
  }

  /** What one epoch costs on the units it holds. */
  public long epochCost() {
    long cost = 0;
    for (Assignment assignment : assignments) {
      cost = Math.addExact(cost, assignment.price());
    }
    return cost;
  }

  public Optional<Assignment> assignment(UnitId unit) {
    return assignments.stream().filter(a -> a.unit().equals(unit)).findFirst();
  }

  public Deal withAssignments(List<Assignment> added) {
    List<Assignment> all = new ArrayList<>(assignments);
    all.addAll(added);
    return new Deal(id, owner, spec, Phase.ACTIVE, all, excluded, epochsServed, endReason);
  }

  /** Without {@code units}; those that failed are excluded from now on. */
  public Deal without(List<UnitId> units, boolean failed) {
    Set<UnitId> excludedNow = new TreeSet<>(excluded);
    if (failed) {
      excludedNow.addAll(units);
    }
    List<Assignment> kept = assignments.stream().filter(a -> !units.contains(a.unit())).toList();
    Phase next = kept.isEmpty() && phase == Phase.ACTIVE ? Phase.PENDING : phase;
    return new Deal(id, owner, spec, next, kept, excludedNow, epochsServed, endReason);
  }

  public Deal served() {
    return new Deal(id, owner, spec, phase, assignments, excluded, epochsServed + 1, endReason);
  }

  public Deal ended(EndReason reason) {
    return new Deal(
        id, owner, spec, Phase.ENDED, List.of(), excluded, epochsServed, Optional.of(reason));
  }

  public boolean isOpen() {
    return phase != Phase.ENDED;
  }
}

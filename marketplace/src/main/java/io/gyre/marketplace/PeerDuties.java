package io.gyre.marketplace;

import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealId;
import io.gyre.persistence.CborSerializable;
import java.util.List;

/**
 * What one provider peer needs to do its part each epoch — the epoch, its randomness and the units
 * it runs — without the whole state (which a busy marketplace makes too large to send a peer
 * several times an epoch).
 *
 * @param units every unit assigned to the peer, with its deal
 */
public record PeerDuties(boolean opened, long epoch, String randomness, List<Served> units)
    implements CborSerializable {
  public PeerDuties {
    units = List.copyOf(units);
  }

  /** A unit the peer runs for a deal. */
  public record Served(DealId deal, Deal.Phase phase, Assignment assignment)
      implements CborSerializable {}
}

package io.gyre.marketplace.deal;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.offer.UnitId;

/**
 * A compute unit matched to a deal.
 *
 * @param price minor units per epoch, the offer's price when the unit was matched
 * @param fromEpoch the first epoch the unit serves (and is paid and judged for): the one after it
 *     was matched
 */
public record Assignment(UnitId unit, PeerId provider, PeerId peer, long price, long fromEpoch) {
  /** Whether the unit served the whole of {@code epoch}. */
  public boolean servedIn(long epoch) {
    return fromEpoch <= epoch;
  }
}

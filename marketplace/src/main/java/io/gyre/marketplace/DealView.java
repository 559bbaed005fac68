package io.gyre.marketplace;

import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deal.DealStatus;
import io.gyre.persistence.CborSerializable;

/**
 * One deal as its owner sees it.
 *
 * @param escrow minor units left in its escrow
 */
public record DealView(Deal deal, DealStatus status, long escrow) implements CborSerializable {}

package io.gyre.marketplace.offer;

import io.gyre.identity.PeerId;

/** One compute unit of an offer, hosted on the named peer. */
public record ComputeUnit(UnitId id, PeerId peer) {}

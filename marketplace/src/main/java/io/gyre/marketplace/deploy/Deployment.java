package io.gyre.marketplace.deploy;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import java.util.List;

/**
 * A deal's services on one matched unit: what the node deploys on {@code peer} (as {@code
 * srv.create} would, owned by the deal's owner) and later removes.
 */
public record Deployment(
    DealId deal, UnitId unit, PeerId peer, PeerId owner, String blueprint, List<String> modules) {
  public Deployment {
    modules = List.copyOf(modules);
  }
}

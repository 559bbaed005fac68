package io.gyre.marketplace.offer;

import io.gyre.identity.PeerId;
import java.util.List;

/**
 * What a provider offers.
 *
 * @param unitPeers one entry per compute unit: the peer that hosts it (a peer may host several)
 * @param pricePerUnit minor units per unit per epoch
 * @param hostFunctions the host functions (imports) services on these units may use
 * @param collateralPerUnit minor units locked per unit from the provider's wallet, slashed on
 *     failed proofs
 */
public record OfferSpec(
    List<PeerId> unitPeers, long pricePerUnit, List<String> hostFunctions, long collateralPerUnit) {
  public OfferSpec {
    unitPeers = List.copyOf(unitPeers);
    hostFunctions = hostFunctions.stream().distinct().sorted().toList();
  }
}

package io.gyre.marketplace;

import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.deploy.Deployment;
import io.gyre.marketplace.internal.DumpJson;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole state of the marketplace, deterministic (every list in id order): what {@code gyre
 * market status/ledger} shows, what the persistence tests compare, and the form snapshots take.
 *
 * @param previousEpoch the epoch before the current one (awaiting settlement when it is above
 *     {@code lastSettledEpoch})
 * @param accounts every account with a balance other than zero, {@code kind:owner} → minor units
 * @param capacityProofs accepted capacity proofs of epochs not yet settled
 * @param batches committed batch roots of epochs not yet settled
 * @param audits verdicts of audits of epochs not yet settled
 * @param pendingDeployments matched units whose services are not yet known to be deployed
 * @param pendingRemovals released units whose services are not yet known to be removed
 */
public record MarketDump(
    boolean opened,
    long epoch,
    long previousEpoch,
    long lastSettledEpoch,
    String randomness,
    long offersPlaced,
    long dealsOpened,
    List<Offer> offers,
    List<Deal> deals,
    SortedMap<String, Long> accounts,
    List<CapacityRecord> capacityProofs,
    List<BatchCommitment> batches,
    List<MarketEvent.BatchAudited> audits,
    List<Deployment> pendingDeployments,
    List<Deployment> pendingRemovals)
    implements io.gyre.persistence.CborSerializable {
  public MarketDump {
    offers = List.copyOf(offers);
    deals = List.copyOf(deals);
    accounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    capacityProofs = List.copyOf(capacityProofs);
    batches = List.copyOf(batches);
    audits = List.copyOf(audits);
    pendingDeployments = List.copyOf(pendingDeployments);
    pendingRemovals = List.copyOf(pendingRemovals);
  }

  /** The capacity proofs accepted for one unit in one epoch (hashes of their solutions). */
  public record CapacityRecord(UnitId unit, long epoch, List<String> proofHashes) {
    public CapacityRecord {
      proofHashes = proofHashes.stream().sorted().toList();
    }
  }

  /**
   * Every deal with its status and escrow, as {@link Marketplace#deal} answers each, in id order.
   */
  public List<DealView> dealViews() {
    io.gyre.marketplace.internal.MarketState state =
        io.gyre.marketplace.internal.MarketState.restore(this);
    return deals.stream().map(d -> state.view(d.id()).orElseThrow()).toList();
  }

  /** As JSON, keys sorted and peer ids in base58: equal states give equal text. */
  public String toJson() {
    return DumpJson.write(this);
  }
}

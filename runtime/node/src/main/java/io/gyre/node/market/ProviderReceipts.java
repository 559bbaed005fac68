package io.gyre.node.market;

import io.gyre.identity.KeyPair;
import io.gyre.marketplace.deal.DealId;
import io.gyre.proofs.recording.DealRecorder;
import io.gyre.proofs.recording.ServiceRecorder;
import io.gyre.wasm.Service;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One provider peer's receipt chains: a {@link DealRecorder} per deal it serves, made at the first
 * call of the deal's service (or when an epoch must be committed with no call), in the epoch the
 * peer records in now. In memory: after a restart the chains start again from the services' fresh
 * state, as wasm-host restarts them.
 */
final class ProviderReceipts {
  private final KeyPair key;
  private final Map<DealId, DealRecorder> deals = new ConcurrentHashMap<>();
  private final AtomicLong recordingEpoch = new AtomicLong();

  ProviderReceipts(KeyPair key) {
    this.key = key;
  }

  KeyPair key() {
    return key;
  }

  /** The marketplace is in {@code epoch}: new chains start there (never earlier than before). */
  void observeEpoch(long epoch) {
    recordingEpoch.accumulateAndGet(epoch, Math::max);
  }

  DealRecorder deal(DealId deal) {
    return deals.computeIfAbsent(deal, d -> new DealRecorder(key, d.value(), recordingEpoch.get()));
  }

  Optional<DealRecorder> existing(DealId deal) {
    return Optional.ofNullable(deals.get(deal));
  }

  /** The recorder of a deal's service, opened at its first call. */
  ServiceRecorder service(DealId dealId, Service service) {
    DealRecorder deal = deal(dealId);
    synchronized (deal) {
      return deal.service(service.id()).orElseGet(() -> deal.open(service));
    }
  }

  void forgetDeal(DealId deal) {
    deals.remove(deal);
  }
}

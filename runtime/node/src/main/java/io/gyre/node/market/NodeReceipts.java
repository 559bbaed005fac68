package io.gyre.node.market;

import io.gyre.node.services.wasm.CallRecording;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Service;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's hook around service calls: a call of a deal's service on one of this node's provider
 * peers is made through that deal's {@code ServiceRecorder}, so it yields an execution receipt
 * (module hash, arguments and result hashes, fuel) — the same call, recorded.
 */
final class NodeReceipts implements CallRecording {
  private final Map<String, ProviderReceipts> byPeer = new ConcurrentHashMap<>();

  void add(ProviderReceipts peer) {
    byPeer.put(peer.key().peerId().base58(), peer);
  }

  @Override
  public Optional<CallOutcome> call(
      Service service, String function, String jsonArguments, CallParameters parameters) {
    ProviderReceipts peer = byPeer.get(parameters.hostPeerId());
    if (peer == null) {
      return Optional.empty();
    }
    return DealServiceIds.dealOf(service.id())
        .map(deal -> peer.service(deal, service).call(function, jsonArguments, parameters));
  }
}

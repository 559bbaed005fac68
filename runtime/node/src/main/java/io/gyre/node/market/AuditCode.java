package io.gyre.node.market;

import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.proofs.replay.ServiceCode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deal code each running audit re-executes on: {@link ClusterReceiptSource} puts it when it has
 * fetched the samples (the modules checked against the deal's hashes), {@link ProofsCheck} takes it
 * to verify them.
 */
final class AuditCode {
  private final Map<String, ServiceCode> byBatch = new ConcurrentHashMap<>();

  void put(BatchCommitment commitment, ServiceCode code) {
    byBatch.put(key(commitment), code);
  }

  Optional<ServiceCode> take(BatchCommitment commitment) {
    return Optional.ofNullable(byBatch.remove(key(commitment)));
  }

  private static String key(BatchCommitment commitment) {
    return commitment.deal() + "|" + commitment.unit() + "|" + commitment.epoch();
  }
}

package io.gyre.marketplace.internal;

import io.gyre.marketplace.MarketDump.CapacityRecord;
import io.gyre.marketplace.MarketEvent.BatchAudited;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.epoch.UnitEvidence;
import io.gyre.marketplace.offer.UnitId;
import io.gyre.marketplace.proof.BatchCommitment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * The proofs accepted for epochs not yet settled: capacity proofs per (unit, epoch), batch roots
 * and audit verdicts per (deal, unit, epoch). Immutable.
 */
record Evidence(
    PSortedMap<String, CapacityRecord> capacity,
    PSortedMap<String, BatchCommitment> batches,
    PSortedMap<String, BatchAudited> audits) {
  static final Evidence EMPTY = new Evidence(TreePMap.empty(), TreePMap.empty(), TreePMap.empty());

  static String unitKey(UnitId unit, long epoch) {
    return epoch + "|" + unit;
  }

  static String batchKey(DealId deal, UnitId unit, long epoch) {
    return epoch + "|" + deal + "|" + unit;
  }

  List<String> capacityProofs(UnitId unit, long epoch) {
    CapacityRecord record = capacity.get(unitKey(unit, epoch));
    return record == null ? List.of() : record.proofHashes();
  }

  Optional<BatchCommitment> batch(DealId deal, UnitId unit, long epoch) {
    return Optional.ofNullable(batches.get(batchKey(deal, unit, epoch)));
  }

  Optional<BatchAudited> audit(DealId deal, UnitId unit, long epoch) {
    return Optional.ofNullable(audits.get(batchKey(deal, unit, epoch)));
  }

  UnitEvidence of(DealId deal, UnitId unit, long epoch) {
    return new UnitEvidence(
        batch(deal, unit, epoch).isPresent(),
        audit(deal, unit, epoch).map(BatchAudited::verdict),
        capacityProofs(unit, epoch).size());
  }

  Evidence withCapacityProof(UnitId unit, long epoch, String proofHash) {
    List<String> hashes = new ArrayList<>(capacityProofs(unit, epoch));
    hashes.add(proofHash);
    return new Evidence(
        capacity.plus(unitKey(unit, epoch), new CapacityRecord(unit, epoch, hashes)),
        batches,
        audits);
  }

  Evidence withBatch(BatchCommitment commitment) {
    return new Evidence(
        capacity,
        batches.plus(
            batchKey(commitment.deal(), commitment.unit(), commitment.epoch()), commitment),
        audits);
  }

  Evidence withAudit(BatchAudited audit) {
    return new Evidence(
        capacity, batches, audits.plus(batchKey(audit.deal(), audit.unit(), audit.epoch()), audit));
  }

  /** Without everything of epochs up to {@code epoch}. */
  Evidence settledUpTo(long epoch) {
    PSortedMap<String, CapacityRecord> c = capacity;
    for (var entry : capacity.entrySet()) {
      if (entry.getValue().epoch() <= epoch) {
        c = c.minus(entry.getKey());
      }
    }
    PSortedMap<String, BatchCommitment> b = batches;
    for (var entry : batches.entrySet()) {
      if (entry.getValue().epoch() <= epoch) {
        b = b.minus(entry.getKey());
      }
    }
    PSortedMap<String, BatchAudited> a = audits;
    for (var entry : audits.entrySet()) {
      if (entry.getValue().epoch() <= epoch) {
        a = a.minus(entry.getKey());
      }
    }
    return new Evidence(c, b, a);
  }

  static Evidence restore(
      List<CapacityRecord> capacity, List<BatchCommitment> batches, List<BatchAudited> audits) {
    Evidence evidence = EMPTY;
    for (CapacityRecord record : capacity) {
      evidence =
          new Evidence(
              evidence.capacity.plus(unitKey(record.unit(), record.epoch()), record),
              evidence.batches,
              evidence.audits);
    }
    for (BatchCommitment commitment : batches) {
      evidence = evidence.withBatch(commitment);
    }
    for (BatchAudited audit : audits) {
      evidence = evidence.withAudit(audit);
    }
    return evidence;
  }
}

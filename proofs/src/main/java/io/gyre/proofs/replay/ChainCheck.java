package io.gyre.proofs.replay;

import io.gyre.proofs.Verdict;
import io.gyre.proofs.receipt.ChainElement;
import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.Receipt;
import java.util.Optional;

/**
 * The pure half of re-execution: the evidence is one unbroken piece of one service's chain, from
 * its checkpoint to the sampled receipt, each call's inputs hashing to its receipt's inputs hash.
 * Since the sampled receipt is in a signed batch, the hash chain makes every receipt before it (and
 * the checkpoint) the provider's too, with no proof of their own.
 */
final class ChainCheck {

  private ChainCheck() {}

  static Optional<Verdict<ReplayReason>> problem(ReplayEvidence evidence) {
    Checkpoint anchor = evidence.anchor();
    ChainElement before = anchor;
    for (ReplayedCall call : evidence.calls()) {
      Receipt receipt = call.receipt();
      Optional<Verdict<ReplayReason>> problem = link(anchor, before, receipt);
      if (problem.isPresent()) {
        return problem;
      }
      if (!call.inputs().hash().equals(receipt.inputsHash())) {
        return Verdict.problem(
            ReplayReason.INPUTS_MISMATCH,
            "inputs of call " + receipt.sequence() + " do not hash to its receipt's inputs hash");
      }
      before = receipt;
    }
    return Optional.empty();
  }

  private static Optional<Verdict<ReplayReason>> link(
      Checkpoint anchor, ChainElement before, Receipt receipt) {
    if (!receipt.provider().equals(anchor.provider())
        || !receipt.dealId().equals(anchor.dealId())
        || !receipt.serviceId().equals(anchor.serviceId())) {
      return Verdict.problem(
          ReplayReason.OTHER_SERVICE,
          "receipt "
              + receipt.sequence()
              + " is of "
              + receipt.provider()
              + "/"
              + receipt.dealId()
              + "/"
              + receipt.serviceId()
              + ", the checkpoint of "
              + anchor.provider()
              + "/"
              + anchor.dealId()
              + "/"
              + anchor.serviceId());
    }
    if (!receipt.moduleHash().equals(anchor.moduleHash())) {
      return Verdict.problem(
          ReplayReason.CODE_MISMATCH,
          "receipt "
              + receipt.sequence()
              + " names code "
              + receipt.moduleHash()
              + ", its checkpoint "
              + anchor.moduleHash());
    }
    long expected = before == anchor ? anchor.sequence() : before.sequence() + 1;
    if (receipt.sequence() != expected) {
      return Verdict.problem(
          ReplayReason.BROKEN_CHAIN,
          "receipt " + receipt.sequence() + " where " + expected + " comes next");
    }
    if (!receipt.previous().equals(before.hash())) {
      return Verdict.problem(
          ReplayReason.BROKEN_CHAIN,
          "receipt " + receipt.sequence() + " does not follow the element before it");
    }
    if (receipt.epoch() < before.epoch()) {
      return Verdict.problem(
          ReplayReason.BROKEN_CHAIN,
          "receipt "
              + receipt.sequence()
              + " of epoch "
              + receipt.epoch()
              + " after epoch "
              + before.epoch());
    }
    return Optional.empty();
  }
}

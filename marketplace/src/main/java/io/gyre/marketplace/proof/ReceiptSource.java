package io.gyre.marketplace.proof;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The port through which the marketplace asks a provider peer for the receipts an audit sampled,
 * with their inclusion proofs and inputs. The node implements it over the cluster; a stage that
 * fails (peer unreachable, refused) makes the batch's verdict {@link Verdict#MISSING}.
 */
public interface ReceiptSource {
  CompletionStage<List<SampledReceipt>> fetch(BatchCommitment commitment, List<Long> indices);
}

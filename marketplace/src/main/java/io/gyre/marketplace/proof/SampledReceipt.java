package io.gyre.marketplace.proof;

/**
 * One receipt a provider handed over for an audit, as the proofs module encodes it.
 *
 * @param index its place in the batch
 * @param receipt the signed execution receipt
 * @param inclusionProof the Merkle path from the receipt to the batch root
 * @param inputs what re-execution needs (the arguments)
 */
public record SampledReceipt(long index, byte[] receipt, byte[] inclusionProof, byte[] inputs) {
  public SampledReceipt {
    receipt = receipt.clone();
    inclusionProof = inclusionProof.clone();
    inputs = inputs.clone();
  }

  @Override
  public byte[] receipt() {
    return receipt.clone();
  }

  @Override
  public byte[] inclusionProof() {
    return inclusionProof.clone();
  }

  @Override
  public byte[] inputs() {
    return inputs.clone();
  }
}

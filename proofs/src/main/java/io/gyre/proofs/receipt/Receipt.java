package io.gyre.proofs.receipt;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;

/**
 * An execution receipt: that {@code provider} ran {@code function} of service {@code serviceId} for
 * deal {@code dealId} in {@code epoch}, on the code {@code moduleHash}, with the inputs {@code
 * inputsHash}, and got {@code resultHash} for {@code fuelUsed} fuel. {@code sequence} and {@code
 * previous} chain it to the service's calls before it, so a verifier can rebuild the state it ran
 * on. Layout in proofs/README.md, "Receipt".
 */
public record Receipt(
    PeerId provider,
    String dealId,
    long epoch,
    String serviceId,
    String function,
    String particleId,
    long sequence,
    Digest previous,
    Digest moduleHash,
    Digest inputsHash,
    Digest resultHash,
    long fuelUsed,
    OutcomeStatus status,
    boolean instanceReset)
    implements ChainElement {

  @Override
  public byte[] encode() {
    return ReceiptCodec.encode(this);
  }

  @Override
  public Digest hash() {
    return DomainHash.RECEIPT.of(encode());
  }
}

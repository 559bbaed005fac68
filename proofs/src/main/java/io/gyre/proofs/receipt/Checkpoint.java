package io.gyre.proofs.receipt;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;

/**
 * A point of a service's chain where its state is known: {@code stateHash} is {@link
 * #INITIAL_STATE} (a fresh instance: the service's creation, or right after a call that reset it)
 * or the hash of a state snapshot. Replays start from one. {@code limits} are the service's, which
 * every call after it ran under. Layout in proofs/README.md, "Checkpoint".
 */
public record Checkpoint(
    PeerId provider,
    String dealId,
    long epoch,
    String serviceId,
    long sequence,
    Digest previous,
    Digest moduleHash,
    CallLimits limits,
    Digest stateHash)
    implements ChainElement {

  /** The state of freshly made instances: needs no snapshot to rebuild. */
  public static final Digest INITIAL_STATE = DomainHash.INITIAL_STATE.of(new byte[0]);

  public boolean initialState() {
    return stateHash.equals(INITIAL_STATE);
  }

  @Override
  public byte[] encode() {
    return ReceiptCodec.encode(this);
  }

  @Override
  public Digest hash() {
    return DomainHash.CHECKPOINT.of(encode());
  }
}

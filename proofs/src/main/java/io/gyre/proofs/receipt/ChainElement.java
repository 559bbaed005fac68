package io.gyre.proofs.receipt;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;

/**
 * One link of a service's hash chain: a {@link Receipt} per call, and a {@link Checkpoint} wherever
 * the service's state is known without replaying what came before (its creation, a call that reset
 * it, a state snapshot). Each element carries the hash of the one before it.
 */
public sealed interface ChainElement permits Receipt, Checkpoint {

  PeerId provider();

  String dealId();

  long epoch();

  String serviceId();

  /**
   * For a receipt, how many receipts the service had before it; for a checkpoint, the next one's.
   */
  long sequence();

  Digest previous();

  Digest moduleHash();

  /** The element's bytes (proofs/README.md). */
  byte[] encode();

  /** The domain-separated hash of {@link #encode()}: what the next element's previous is. */
  Digest hash();
}

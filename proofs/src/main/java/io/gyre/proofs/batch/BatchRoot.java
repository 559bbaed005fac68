package io.gyre.proofs.batch;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.DomainHash;
import io.gyre.proofs.receipt.ReceiptScope;

/**
 * What a provider commits to for one deal and epoch: how many receipts it ran and the Merkle root
 * over them. Layout: {@code u8 0x03 ‖ provider(32) ‖ str deal ‖ u64 epoch ‖ u64 leafCount ‖
 * root(32)}.
 */
public record BatchRoot(PeerId provider, String dealId, long epoch, long leafCount, Digest root) {

  static final int FORMAT = 0x03;

  public ReceiptScope scope() {
    return new ReceiptScope(provider, dealId, epoch);
  }

  public byte[] encode() {
    return new ByteWriter(128)
        .u8(FORMAT)
        .raw(provider.publicKey())
        .str(dealId)
        .u64(epoch)
        .u64(leafCount)
        .digest(root)
        .toByteArray();
  }

  /** What the provider signs: {@code H("gyre-proofs/v1/batch-root", encode())}. */
  public Digest hash() {
    return DomainHash.BATCH_ROOT.of(encode());
  }
}

package io.gyre.proofs.receipt;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;

/**
 * Signs single receipts with the provider's key: Ed25519 over {@code H("gyre-proofs/v1/receipt-
 * signature", receipt hash)}. A batch signs its root instead (see {@code ReceiptBatch}); this is
 * for receipts handed out one by one.
 */
public final class ReceiptSigner {

  private final KeyPair provider;

  public ReceiptSigner(KeyPair provider) {
    this.provider = provider;
  }

  /** Throws {@link IllegalArgumentException} for a receipt that names another provider. */
  public SignedReceipt sign(Receipt receipt) {
    if (!receipt.provider().equals(provider.peerId())) {
      throw new IllegalArgumentException(
          "receipt of " + receipt.provider() + " cannot be signed by " + provider.peerId());
    }
    return new SignedReceipt(receipt, provider.sign(message(receipt.hash())));
  }

  static byte[] message(Digest receiptHash) {
    return DomainHash.RECEIPT_SIGNATURE.of(receiptHash.bytes()).bytes();
  }
}

package io.gyre.proofs.receipt;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Verdict;

/** Checks single signed receipts: the provider's signature, and the deal and epoch they claim. */
public final class ReceiptVerifier {

  private ReceiptVerifier() {}

  public static Verdict<ReceiptReason> verify(SignedReceipt signed) {
    Receipt receipt = signed.receipt();
    boolean valid =
        KeyPair.verify(
            receipt.provider().publicKey(),
            ReceiptSigner.message(receipt.hash()),
            signed.signature());
    return valid
        ? Verdict.accept()
        : Verdict.reject(
            ReceiptReason.BAD_SIGNATURE,
            "not " + receipt.provider() + "'s signature over receipt " + receipt.hash());
  }

  /**
   * As {@link #verify(SignedReceipt)}, and the receipt must be {@code provider}'s for the deal and
   * epoch.
   */
  public static Verdict<ReceiptReason> verify(
      SignedReceipt signed, PeerId provider, String dealId, long epoch) {
    return new ReceiptScope(provider, dealId, epoch)
        .mismatch(
            signed.receipt(),
            ReceiptReason.WRONG_PROVIDER,
            ReceiptReason.WRONG_DEAL,
            ReceiptReason.WRONG_EPOCH)
        .orElseGet(() -> verify(signed));
  }

  /** Decodes and verifies signed-receipt bytes from outside. */
  public static Verdict<ReceiptReason> verify(
      byte[] signedReceipt, PeerId provider, String dealId, long epoch) {
    Decoded<SignedReceipt> decoded = SignedReceipt.decode(signedReceipt);
    if (decoded instanceof Decoded.Malformed<SignedReceipt> m) {
      return Verdict.reject(ReceiptReason.MALFORMED, m.message());
    }
    return verify(decoded.toOptional().orElseThrow(), provider, dealId, epoch);
  }
}

package io.gyre.proofs.receipt;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import java.util.Arrays;

/**
 * A receipt with its provider's own Ed25519 signature, for a receipt that travels without its
 * batch. Layout: {@code bytes(receipt) ‖ signature(64)}.
 */
public record SignedReceipt(Receipt receipt, byte[] signature) {

  public SignedReceipt {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public byte[] encode() {
    return new ByteWriter(384).bytes(receipt.encode()).raw(signature).toByteArray();
  }

  public static Decoded<SignedReceipt> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      byte[] body = in.bytes("receipt");
      byte[] signature = in.raw(64, "signature");
      in.end("signed receipt");
      return ReceiptCodec.decodeReceipt(body).map(r -> new SignedReceipt(r, signature));
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("signed receipt: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedReceipt that
        && receipt.equals(that.receipt)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return 31 * receipt.hashCode() + Arrays.hashCode(signature);
  }
}

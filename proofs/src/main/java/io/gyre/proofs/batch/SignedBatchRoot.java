package io.gyre.proofs.batch;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import java.util.Arrays;

/**
 * A batch root with the provider's Ed25519 signature over its hash: what the provider submits.
 * Layout: {@code bytes(batch root) ‖ signature(64)}.
 */
public record SignedBatchRoot(BatchRoot root, byte[] signature) {

  public SignedBatchRoot {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public static SignedBatchRoot sign(BatchRoot root, KeyPair provider) {
    if (!root.provider().equals(provider.peerId())) {
      throw new IllegalArgumentException(
          "batch of " + root.provider() + " cannot be signed by " + provider.peerId());
    }
    return new SignedBatchRoot(root, provider.sign(root.hash().bytes()));
  }

  /** Whether the signature is the root's provider's. */
  public boolean signatureValid() {
    return KeyPair.verify(root.provider().publicKey(), root.hash().bytes(), signature);
  }

  public byte[] encode() {
    return new ByteWriter(200).bytes(root.encode()).raw(signature).toByteArray();
  }

  public static Decoded<SignedBatchRoot> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      ByteReader body = new ByteReader(in.bytes("batch root"));
      byte[] signature = in.raw(64, "signature");
      in.end("signed batch root");
      int format = body.u8("format");
      if (format != BatchRoot.FORMAT) {
        return new Decoded.Malformed<>("batch root: format " + format + ", expected 3");
      }
      PeerId provider = PeerId.fromPublicKey(body.raw(32, "provider"));
      BatchRoot root =
          new BatchRoot(
              provider,
              body.str("deal_id"),
              body.u64("epoch"),
              body.u64("leaf_count"),
              body.digest("root"));
      body.end("batch root");
      return new Decoded.Value<>(new SignedBatchRoot(root, signature));
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("signed batch root: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedBatchRoot that
        && root.equals(that.root)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return 31 * root.hashCode() + Arrays.hashCode(signature);
  }
}

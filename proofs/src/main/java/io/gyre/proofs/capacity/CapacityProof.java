package io.gyre.proofs.capacity;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;

/**
 * A provider's answer for one unit in one epoch. Layout: {@code u8 0x06 ‖ provider(32) ‖ str unit ‖
 * u64 epoch ‖ u64 nonce}.
 */
public record CapacityProof(PeerId provider, String unitId, long epoch, long nonce) {

  static final int FORMAT = 0x06;

  public byte[] encode() {
    return new ByteWriter(96)
        .u8(FORMAT)
        .raw(provider.publicKey())
        .str(unitId)
        .u64(epoch)
        .u64(nonce)
        .toByteArray();
  }

  public static Decoded<CapacityProof> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      int format = in.u8("format");
      if (format != FORMAT) {
        return new Decoded.Malformed<>("capacity proof: format " + format + ", expected 6");
      }
      PeerId provider = PeerId.fromPublicKey(in.raw(32, "provider"));
      CapacityProof proof =
          new CapacityProof(provider, in.str("unit_id"), in.u64("epoch"), in.u64("nonce"));
      in.end("capacity proof");
      return new Decoded.Value<>(proof);
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("capacity proof: " + e.getMessage());
    }
  }
}

package io.gyre.proofs.replay;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import io.gyre.proofs.receipt.CallInputs;
import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a provider hands over for one sampled receipt: the checkpoint its service's chain last
 * passed, the snapshot that checkpoint names (none when its state is initial), and every call from
 * there to the sampled one, which is the last. Layout in proofs/README.md, "Replay evidence".
 */
public record ReplayEvidence(
    Checkpoint anchor, Optional<StateSnapshot> snapshot, List<ReplayedCall> calls) {

  static final int FORMAT = 0x05;

  /** Snapshots are whole memories: up to 1 GiB on the wire. */
  static final int MAX_SNAPSHOT = 1 << 30;

  public ReplayEvidence {
    calls = List.copyOf(calls);
  }

  /** The sampled receipt; empty for evidence with no call (which no verifier accepts). */
  public Optional<Receipt> sampled() {
    return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1).receipt());
  }

  public byte[] encode() {
    ByteWriter out = new ByteWriter(1024);
    out.u8(FORMAT).bytes(anchor.encode());
    out.u8(snapshot.isPresent() ? 1 : 0);
    snapshot.ifPresent(s -> out.bytes(s.bytes()));
    out.u32(calls.size());
    for (ReplayedCall call : calls) {
      out.bytes(call.receipt().encode()).bytes(call.inputs().encode());
    }
    return out.toByteArray();
  }

  public static Decoded<ReplayEvidence> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      int format = in.u8("format");
      if (format != FORMAT) {
        return malformed("format " + format + ", expected " + FORMAT);
      }
      Optional<Checkpoint> anchor =
          ReceiptCodec.decode(in.bytes("anchor"))
              .toOptional()
              .filter(Checkpoint.class::isInstance)
              .map(Checkpoint.class::cast);
      if (anchor.isEmpty()) {
        return malformed("anchor: not a checkpoint");
      }
      int has = in.u8("snapshot flag");
      if (has > 1) {
        return malformed("snapshot flag " + has);
      }
      Optional<StateSnapshot> snapshot =
          has == 1
              ? Optional.of(new StateSnapshot(in.bytes("snapshot", MAX_SNAPSHOT)))
              : Optional.empty();
      int n = in.count("calls", 8);
      List<ReplayedCall> calls = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Optional<Receipt> receipt = ReceiptCodec.decodeReceipt(in.bytes("receipt")).toOptional();
        Optional<CallInputs> inputs = CallInputs.decode(in.bytes("inputs")).toOptional();
        if (receipt.isEmpty() || inputs.isEmpty()) {
          return malformed("call " + i + ": bad receipt or inputs");
        }
        calls.add(new ReplayedCall(receipt.get(), inputs.get()));
      }
      in.end("replay evidence");
      return new Decoded.Value<>(new ReplayEvidence(anchor.get(), snapshot, calls));
    } catch (MalformedException e) {
      return malformed(e.getMessage());
    }
  }

  private static Decoded<ReplayEvidence> malformed(String message) {
    return new Decoded.Malformed<>("replay evidence: " + message);
  }
}

package io.gyre.proofs.recording;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.batch.InclusionProof;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import io.gyre.proofs.replay.ReplayEvidence;
import java.util.Optional;

/**
 * A provider's answer to one sampled leaf: the inclusion proof of the receipt (the last call of the
 * evidence) and the evidence to re-execute it. Layout: {@code bytes(proof) ‖ bytes(evidence)}.
 */
public record SampleAnswer(InclusionProof proof, ReplayEvidence evidence) {

  public byte[] encode() {
    return new ByteWriter(2048).bytes(proof.encode()).bytes(evidence.encode()).toByteArray();
  }

  public static Decoded<SampleAnswer> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      Decoded<InclusionProof> proof = InclusionProof.decode(in.bytes("proof"));
      Decoded<ReplayEvidence> evidence =
          ReplayEvidence.decode(in.bytes("evidence", Integer.MAX_VALUE - 8));
      in.end("sample answer");
      Optional<InclusionProof> p = proof.toOptional();
      Optional<ReplayEvidence> e = evidence.toOptional();
      if (p.isEmpty()) {
        return new Decoded.Malformed<>(((Decoded.Malformed<InclusionProof>) proof).message());
      }
      if (e.isEmpty()) {
        return new Decoded.Malformed<>(((Decoded.Malformed<ReplayEvidence>) evidence).message());
      }
      return new Decoded.Value<>(new SampleAnswer(p.get(), e.get()));
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("sample answer: " + e.getMessage());
    }
  }
}

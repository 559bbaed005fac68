package io.gyre.node.market;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.CapacityProof;
import io.gyre.marketplace.proof.ProofCheck;
import io.gyre.marketplace.proof.SampledReceipt;
import io.gyre.marketplace.proof.Verdict;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Digest;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.batch.BatchRoot;
import io.gyre.proofs.batch.InclusionProof;
import io.gyre.proofs.batch.InclusionVerifier;
import io.gyre.proofs.batch.SignedBatchRoot;
import io.gyre.proofs.capacity.CapacityChallenge;
import io.gyre.proofs.capacity.CapacityPuzzle;
import io.gyre.proofs.capacity.PuzzleParameters;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptCodec;
import io.gyre.proofs.replay.ReExecutor;
import io.gyre.proofs.replay.ReplayEvidence;
import io.gyre.proofs.replay.ServiceCode;
import io.gyre.wasm.WasmHost;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace's checks done by the proofs module: a batch commitment's signature is the
 * provider's signature of the proofs module's batch root (deal, epoch, leaf count, Merkle root); a
 * capacity proof is an answer to the Argon2id puzzle of its unit; an audit checks each sampled
 * receipt's inclusion under the signed root and re-executes it in this node's own {@link WasmHost}
 * on the deal's code (which {@link AuditCode} holds, fetched with the samples).
 */
final class ProofsCheck implements ProofCheck, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProofsCheck.class);

  private final CapacityPuzzle puzzle;
  private final AuditCode code;
  private final WasmHost verifier = WasmHost.create();
  private final ReExecutor reExecutor = new ReExecutor(verifier);

  ProofsCheck(PuzzleParameters puzzle, AuditCode code) {
    this.puzzle = new CapacityPuzzle(puzzle);
    this.code = code;
  }

  /** The proofs module's signed batch root a commitment stands for; empty when malformed. */
  static Optional<SignedBatchRoot> signedRoot(BatchCommitment commitment) {
    Optional<Digest> root = Digest.parseHex(commitment.root());
    if (root.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] signature = HexFormat.of().parseHex(commitment.signature());
      if (signature.length != 64) {
        return Optional.empty();
      }
      return Optional.of(
          new SignedBatchRoot(
              new BatchRoot(
                  commitment.peer(),
                  commitment.deal().value(),
                  commitment.epoch(),
                  commitment.size(),
                  root.get()),
              signature));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean batchSignatureValid(BatchCommitment commitment) {
    return signedRoot(commitment).map(SignedBatchRoot::signatureValid).orElse(false);
  }

  @Override
  public boolean capacityProofValid(CapacityProof proof, PeerId peer, String epochRandomness) {
    Optional<io.gyre.proofs.capacity.CapacityProof> answer = decode(proof.solution());
    if (answer.isEmpty()
        || !answer.get().provider().equals(peer)
        || !answer.get().unitId().equals(proof.unit().value())
        || answer.get().epoch() != proof.epoch()) {
      return false;
    }
    try {
      Randomness randomness = new Randomness(HexFormat.of().parseHex(epochRandomness));
      return puzzle.check(
          new CapacityChallenge(
              randomness, proof.epoch(), peer, proof.unit().value(), puzzle.params()),
          answer.get().nonce());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<io.gyre.proofs.capacity.CapacityProof> decode(String hex) {
    try {
      return io.gyre.proofs.capacity.CapacityProof.decode(HexFormat.of().parseHex(hex))
          .toOptional();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public Verdict verifySamples(
      BatchCommitment commitment, List<Long> indices, List<SampledReceipt> samples) {
    Optional<ServiceCode> dealCode = code.take(commitment);
    Optional<SignedBatchRoot> root = signedRoot(commitment);
    if (dealCode.isEmpty() || root.isEmpty()) {
      LOG.warn(
          "audit of {} {} epoch {}: no code or root",
          commitment.deal(),
          commitment.unit(),
          commitment.epoch());
      return Verdict.MISSING;
    }
    for (long index : indices) {
      Optional<SampledReceipt> sample =
          samples.stream().filter(s -> s.index() == index).findFirst();
      if (sample.isEmpty()) {
        return Verdict.MISSING;
      }
      Optional<String> problem = problem(root.get(), index, sample.get(), dealCode.get());
      if (problem.isPresent()) {
        LOG.warn(
            "audit of {} {} epoch {}: receipt {} fails: {}",
            commitment.deal(),
            commitment.unit(),
            commitment.epoch(),
            index,
            problem.get());
        return Verdict.FAILED;
      }
    }
    return Verdict.VERIFIED;
  }

  /** What is wrong with one sampled receipt; empty when it is included and re-executes. */
  private Optional<String> problem(
      SignedBatchRoot root, long index, SampledReceipt sample, ServiceCode code) {
    Decoded<Receipt> receipt = ReceiptCodec.decodeReceipt(sample.receipt());
    Decoded<InclusionProof> proof = InclusionProof.decode(sample.inclusionProof());
    Decoded<ReplayEvidence> evidence = ReplayEvidence.decode(sample.inputs());
    if (receipt.toOptional().isEmpty()
        || proof.toOptional().isEmpty()
        || evidence.toOptional().isEmpty()) {
      return Optional.of("malformed receipt, inclusion proof or evidence");
    }
    if (proof.toOptional().get().index() != index) {
      return Optional.of("the inclusion proof is for leaf " + proof.toOptional().get().index());
    }
    io.gyre.proofs.Verdict<?> included =
        InclusionVerifier.verify(root, receipt.toOptional().get(), proof.toOptional().get());
    if (!included.accepted()) {
      return Optional.of(included.toString());
    }
    io.gyre.proofs.Verdict<?> replayed =
        reExecutor.verify(receipt.toOptional().get(), evidence.toOptional().get(), code);
    return replayed.accepted() ? Optional.empty() : Optional.of(replayed.toString());
  }

  @Override
  public void close() {
    verifier.close();
  }
}

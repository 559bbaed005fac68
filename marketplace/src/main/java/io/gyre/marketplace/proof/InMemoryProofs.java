package io.gyre.marketplace.proof;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proof ports in memory, for tests and demos until the proofs module is wired in: providers
 * commit batches here (root = SHA-256 over the receipts' hashes in order, signed for real with the
 * peer's Ed25519 key), audits fetch the receipts back from here, and a capacity proof is a solution
 * whose SHA-256 with the epoch randomness and unit id starts with a zero byte. Tests can make a
 * provider withhold or tamper with its receipts, or stop answering altogether.
 */
public final class InMemoryProofs implements ProofCheck, ReceiptSource {
  private final Map<String, List<byte[]>> batches = new ConcurrentHashMap<>();
  private final Set<String> withheld = ConcurrentHashMap.newKeySet();
  private final Set<String> tampered = ConcurrentHashMap.newKeySet();
  private volatile boolean silent;

  /** A provider peer commits {@code receipts} as its batch for (deal, unit, epoch). */
  public BatchCommitment commit(
      KeyPair peer, DealId deal, UnitId unit, long epoch, List<byte[]> receipts) {
    String root = root(receipts);
    BatchCommitment unsigned =
        new BatchCommitment(deal, unit, peer.peerId(), epoch, root, receipts.size(), "");
    String signature = HexFormat.of().formatHex(peer.sign(unsigned.signedBytes()));
    batches.put(key(deal, unit, epoch), List.copyOf(receipts));
    return new BatchCommitment(deal, unit, peer.peerId(), epoch, root, receipts.size(), signature);
  }

  /** The provider of (deal, unit, epoch) will not hand over its receipts. */
  public void withhold(DealId deal, UnitId unit, long epoch) {
    withheld.add(key(deal, unit, epoch));
  }

  /** The provider of (deal, unit, epoch) will hand over receipts other than those it committed. */
  public void tamper(DealId deal, UnitId unit, long epoch) {
    tampered.add(key(deal, unit, epoch));
  }

  /** While silent, no fetch ever completes (providers that hang; a marketplace about to crash). */
  public void silent(boolean on) {
    silent = on;
  }

  /** A solution to the capacity puzzle of {@code unit} in {@code epoch}. */
  public static CapacityProof solveCapacity(UnitId unit, long epoch, String randomness, int from) {
    for (int nonce = from; ; nonce++) {
      CapacityProof proof = new CapacityProof(unit, epoch, Integer.toHexString(nonce));
      if (puzzleHash(proof, randomness)[0] == 0) {
        return proof;
      }
    }
  }

  @Override
  public boolean batchSignatureValid(BatchCommitment commitment) {
    try {
      return KeyPair.verify(
          commitment.peer().publicKey(),
          commitment.signedBytes(),
          HexFormat.of().parseHex(commitment.signature()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public boolean capacityProofValid(CapacityProof proof, PeerId peer, String epochRandomness) {
    return puzzleHash(proof, epochRandomness)[0] == 0;
  }

  @Override
  public Verdict verifySamples(
      BatchCommitment commitment, List<Long> indices, List<SampledReceipt> samples) {
    for (long index : indices) {
      SampledReceipt sample =
          samples.stream().filter(s -> s.index() == index).findFirst().orElse(null);
      if (sample == null) {
        return Verdict.MISSING;
      }
      byte[] path = sample.inclusionProof();
      if (path.length < (index + 1) * 32
          || !rootOfHashes(path).equals(commitment.root())
          || !Arrays.equals(
              Arrays.copyOfRange(path, (int) index * 32, (int) index * 32 + 32),
              Sampling.sha256().digest(sample.receipt()))) {
        return Verdict.FAILED;
      }
    }
    return Verdict.VERIFIED;
  }

  @Override
  public CompletionStage<List<SampledReceipt>> fetch(
      BatchCommitment commitment, List<Long> indices) {
    if (silent) {
      return new CompletableFuture<>();
    }
    String key = key(commitment.deal(), commitment.unit(), commitment.epoch());
    List<byte[]> receipts = batches.get(key);
    if (receipts == null || withheld.contains(key)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("provider " + commitment.peer() + " withholds " + key));
    }
    byte[] hashes = concatenatedHashes(receipts);
    List<SampledReceipt> samples = new ArrayList<>();
    for (long index : indices) {
      byte[] receipt = receipts.get((int) index);
      if (tampered.contains(key)) {
        receipt =
            (new String(receipt, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);
      }
      samples.add(new SampledReceipt(index, receipt, hashes, new byte[0]));
    }
    return CompletableFuture.completedFuture(samples);
  }

  private static String key(DealId deal, UnitId unit, long epoch) {
    return deal + "|" + unit + "|" + epoch;
  }

  private static byte[] puzzleHash(CapacityProof proof, String randomness) {
    return Sampling.sha256()
        .digest(
            (randomness + "|" + proof.unit() + "|" + proof.epoch() + "|" + proof.solution())
                .getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concatenatedHashes(List<byte[]> receipts) {
    byte[] all = new byte[receipts.size() * 32];
    for (int i = 0; i < receipts.size(); i++) {
      System.arraycopy(Sampling.sha256().digest(receipts.get(i)), 0, all, i * 32, 32);
    }
    return all;
  }

  private static String root(List<byte[]> receipts) {
    return rootOfHashes(concatenatedHashes(receipts));
  }

  private static String rootOfHashes(byte[] hashes) {
    return HexFormat.of().formatHex(Sampling.sha256().digest(hashes));
  }
}

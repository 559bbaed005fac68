package io.gyre.proofs.internal;

import io.gyre.proofs.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Domain-separated SHA-256: {@code H(tag, m) = SHA-256(u8(len(tag)) ‖ ascii(tag) ‖ m)}. Every hash
 * this module makes names what it hashes (proofs/README.md, "Hashes"), so a receipt can never be
 * taken for a Merkle node, a checkpoint or a puzzle seed.
 */
public enum DomainHash {
  RECEIPT("gyre-proofs/v1/receipt"),
  RECEIPT_SIGNATURE("gyre-proofs/v1/receipt-signature"),
  CHECKPOINT("gyre-proofs/v1/checkpoint"),
  INPUTS("gyre-proofs/v1/inputs"),
  RESULT("gyre-proofs/v1/result"),
  BLUEPRINT("gyre-proofs/v1/blueprint"),
  INITIAL_STATE("gyre-proofs/v1/initial-state"),
  STATE("gyre-proofs/v1/state"),
  MERKLE_LEAF("gyre-proofs/v1/merkle-leaf"),
  MERKLE_NODE("gyre-proofs/v1/merkle-node"),
  MERKLE_EMPTY("gyre-proofs/v1/merkle-empty"),
  BATCH_ROOT("gyre-proofs/v1/batch-root"),
  SAMPLE_SEED("gyre-proofs/v1/sample-seed"),
  SAMPLE_DRAW("gyre-proofs/v1/sample-draw"),
  CAPACITY_CHALLENGE("gyre-proofs/v1/capacity-challenge");

  private final byte[] prefix;

  DomainHash(String tag) {
    byte[] ascii = tag.getBytes(StandardCharsets.US_ASCII);
    prefix = new byte[ascii.length + 1];
    prefix[0] = (byte) ascii.length;
    System.arraycopy(ascii, 0, prefix, 1, ascii.length);
  }

  /** The tag as written in the README. */
  public String tag() {
    return new String(prefix, 1, prefix.length - 1, StandardCharsets.US_ASCII);
  }

  /** {@code u8(len(tag)) ‖ ascii(tag)}: what every hash of this domain starts with. */
  public byte[] prefix() {
    return prefix.clone();
  }

  public Digest of(byte[] message) {
    MessageDigest sha = reused();
    sha.update(message);
    return new Digest(sha.digest());
  }

  public Digest of(byte[] first, byte[] second) {
    MessageDigest sha = reused();
    sha.update(first);
    sha.update(second);
    return new Digest(sha.digest());
  }

  /** One SHA-256 per thread, reset and primed: looking one up costs more than a short hash. */
  private static final ThreadLocal<MessageDigest> PER_THREAD =
      ThreadLocal.withInitial(DomainHash::sha256);

  private MessageDigest reused() {
    MessageDigest sha = PER_THREAD.get();
    sha.reset();
    sha.update(prefix);
    return sha;
  }

  /** A SHA-256 that has already taken this domain's prefix. */
  public MessageDigest start() {
    MessageDigest sha = sha256();
    sha.update(prefix);
    return sha;
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}

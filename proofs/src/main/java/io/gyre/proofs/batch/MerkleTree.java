package io.gyre.proofs.batch;

import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary SHA-256 Merkle tree over leaf hashes: a node is {@code H(merkle-node, left ‖ right)}; a
 * level with an odd count carries its last node up unchanged (never duplicated). The empty tree's
 * root is {@code H(merkle-empty, "")}. proofs/README.md, "Merkle tree".
 */
final class MerkleTree {

  static final Digest EMPTY_ROOT = DomainHash.MERKLE_EMPTY.of(new byte[0]);

  /** levels.get(0) are the leaves; the last level holds the root. */
  private final List<byte[][]> levels = new ArrayList<>();

  MerkleTree(List<Digest> leaves) {
    byte[][] level = new byte[leaves.size()][];
    for (int i = 0; i < level.length; i++) {
      level[i] = leaves.get(i).bytes();
    }
    levels.add(level);
    MessageDigest sha = DomainHash.sha256();
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < level.length / 2; i++) {
        up[i] = node(sha, level[2 * i], level[2 * i + 1]);
      }
      if (level.length % 2 == 1) {
        up[up.length - 1] = level[level.length - 1];
      }
      levels.add(up);
      level = up;
    }
  }

  static Digest leaf(Digest receiptHash) {
    return DomainHash.MERKLE_LEAF.of(receiptHash.bytes());
  }

  static byte[] node(MessageDigest sha, byte[] left, byte[] right) {
    sha.reset();
    sha.update(NODE_PREFIX);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  private static final byte[] NODE_PREFIX = DomainHash.MERKLE_NODE.prefix();

  int size() {
    return levels.get(0).length;
  }

  Digest root() {
    return size() == 0 ? EMPTY_ROOT : new Digest(levels.get(levels.size() - 1)[0]);
  }

  /** The siblings from leaf {@code index} up to the root, skipping levels where it has none. */
  List<Digest> path(int index) {
    List<Digest> siblings = new ArrayList<>();
    int i = index;
    for (int l = 0; l < levels.size() - 1; l++) {
      byte[][] level = levels.get(l);
      int sibling = i ^ 1;
      if (sibling < level.length) {
        siblings.add(new Digest(level[sibling]));
      }
      i >>= 1;
    }
    return siblings;
  }
}

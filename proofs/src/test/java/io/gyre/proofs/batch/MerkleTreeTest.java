package io.gyre.proofs.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree's shape as the README writes it, computed by hand from the domain hashes. */
class MerkleTreeTest {

  private static Digest leaf(int i) {
    return DomainHash.MERKLE_LEAF.of(new byte[] {(byte) i});
  }

  private static Digest node(Digest left, Digest right) {
    return DomainHash.MERKLE_NODE.of(left.bytes(), right.bytes());
  }

  @Test
  void anOddNodeIsCarriedUpUnchanged() {
    Digest a = leaf(1);
    Digest b = leaf(2);
    Digest c = leaf(3);
    MerkleTree tree = new MerkleTree(List.of(a, b, c));
    assertEquals(node(node(a, b), c), tree.root());
    assertEquals(List.of(node(a, b)), tree.path(2));
    assertEquals(List.of(a, c), tree.path(1));
  }

  @Test
  void fiveLeaves() {
    Digest[] l = {leaf(0), leaf(1), leaf(2), leaf(3), leaf(4)};
    MerkleTree tree = new MerkleTree(List.of(l));
    Digest left = node(node(l[0], l[1]), node(l[2], l[3]));
    assertEquals(node(left, l[4]), tree.root());
    assertEquals(List.of(left), tree.path(4));
  }

  @Test
  void oneLeafIsItsOwnRootAndNoneHasTheEmptyRoot() {
    assertEquals(leaf(9), new MerkleTree(List.of(leaf(9))).root());
    assertEquals(DomainHash.MERKLE_EMPTY.of(new byte[0]), new MerkleTree(List.of()).root());
  }
}

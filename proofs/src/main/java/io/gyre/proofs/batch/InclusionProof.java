package io.gyre.proofs.batch;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a receipt sits in a batch and the sibling hashes from its leaf up to the root. Layout:
 * {@code u64 index ‖ u64 leafCount ‖ u8 n ‖ n × 32-byte siblings}, bottom-up.
 */
public record InclusionProof(long index, long leafCount, List<Digest> siblings) {

  /** A tree of at most 2^62 leaves is at most 62 levels deep. */
  static final int MAX_SIBLINGS = 62;

  public InclusionProof {
    siblings = List.copyOf(siblings);
  }

  public byte[] encode() {
    ByteWriter out = new ByteWriter(17 + 32 * siblings.size());
    out.u64(index).u64(leafCount).u8(siblings.size());
    siblings.forEach(out::digest);
    return out.toByteArray();
  }

  public static Decoded<InclusionProof> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      long index = in.u64("index");
      long count = in.u64("leaf_count");
      int n = in.u8("sibling count");
      if (n > MAX_SIBLINGS) {
        return new Decoded.Malformed<>("inclusion proof: " + n + " siblings, at most 62");
      }
      List<Digest> siblings = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        siblings.add(in.digest("sibling " + i));
      }
      in.end("inclusion proof");
      return new Decoded.Value<>(new InclusionProof(index, count, siblings));
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("inclusion proof: " + e.getMessage());
    }
  }

  /**
   * The root this proof leads to from {@code leaf}; empty when the proof's shape is wrong for its
   * index and leaf count (a sibling too many or too few, an index outside the tree).
   */
  Optional<Digest> rootFrom(Digest leaf) {
    if (index < 0 || leafCount <= 0 || index >= leafCount) {
      return Optional.empty();
    }
    MessageDigest sha = io.gyre.proofs.internal.DomainHash.sha256();
    byte[] current = leaf.bytes();
    long i = index;
    long size = leafCount;
    int used = 0;
    while (size > 1) {
      boolean hasSibling = (i & 1) == 1 || i + 1 < size;
      if (hasSibling) {
        if (used == siblings.size()) {
          return Optional.empty();
        }
        byte[] sibling = siblings.get(used++).bytes();
        current =
            (i & 1) == 1
                ? MerkleTree.node(sha, sibling, current)
                : MerkleTree.node(sha, current, sibling);
      }
      i >>= 1;
      size = (size + 1) / 2;
    }
    return used == siblings.size() ? Optional.of(new Digest(current)) : Optional.empty();
  }
}

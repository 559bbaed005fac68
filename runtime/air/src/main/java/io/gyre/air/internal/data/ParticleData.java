package io.gyre.air.internal.data;

import io.gyre.identity.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gyre's particle data: {@code "GAIR" | version 1 | varint count | (varint length | batch)*}. The
 * data is a set of signed batches (a CRDT: merge is set union, so it is commutative, associative
 * and idempotent); the order of the list is this peer's arrival order, which fixes the order in
 * which it sees stream elements. Empty bytes are the empty data.
 */
public final class ParticleData {
  private static final byte[] MAGIC = {'G', 'A', 'I', 'R'};
  private static final int VERSION = 1;

  private final List<Batch> batches;

  private ParticleData(List<Batch> batches) {
    this.batches = batches;
  }

  public static ParticleData empty() {
    return new ParticleData(new ArrayList<>());
  }

  public List<Batch> batches() {
    return batches;
  }

  /** Decodes without checking signatures; throws {@link DataFormatException} on bad bytes. */
  public static ParticleData decode(byte[] bytes) {
    List<Batch> batches = new ArrayList<>();
    if (bytes.length == 0) {
      return new ParticleData(batches);
    }
    if (bytes.length < MAGIC.length + 1
        || bytes[0] != MAGIC[0]
        || bytes[1] != MAGIC[1]
        || bytes[2] != MAGIC[2]
        || bytes[3] != MAGIC[3]) {
      throw new DataFormatException("not Gyre particle data (bad magic)");
    }
    if (bytes[4] != VERSION) {
      throw new DataFormatException("unsupported particle data version " + bytes[4]);
    }
    ByteReader in = new ByteReader(bytes, MAGIC.length + 1, bytes.length);
    int count = in.length();
    for (int i = 0; i < count; i++) {
      int length = in.length();
      int start = in.skip(length);
      batches.add(new Batch(bytes, start, start + length));
    }
    if (!in.atEnd()) {
      throw new DataFormatException("trailing bytes after the last batch");
    }
    return new ParticleData(batches);
  }

  /**
   * Adds the batches of {@code incoming} this data lacks, checking them. Batches already present
   * (same hash) are neither re-verified nor copied. Each new batch's hash must match its bytes; per
   * author, only the newest new batch's signature is checked (Ed25519), since it vouches through
   * the hash chain for the author's batches it links to.
   *
   * @return how many batches were added
   * @throws SignatureMismatchException naming the author of a batch that does not verify
   */
  public int mergeVerified(ParticleData incoming, String particleId) {
    if (incoming.batches.isEmpty()) {
      return 0;
    }
    Map<Long, Batch> known = new HashMap<>(batches.size() * 2);
    for (Batch batch : batches) {
      known.put(batch.hashPrefix(), batch);
    }
    List<Batch> fresh = new ArrayList<>();
    Map<Long, Batch> freshByHash = new HashMap<>();
    for (Batch batch : incoming.batches) {
      Batch same = known.get(batch.hashPrefix());
      if (same != null && (same.sameHash(batch) || containsSameHash(batch))) {
        continue;
      }
      if (!BatchSigner.hashMatches(batch) || !Records.valuesMatchKeys(batch)) {
        throw mismatch(batch, particleId);
      }
      fresh.add(batch);
      known.putIfAbsent(batch.hashPrefix(), batch);
      freshByHash.putIfAbsent(batch.hashPrefix(), batch);
    }
    java.util.Set<Batch> vouched =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Batch batch : fresh) {
      Batch previous = freshByHash.get(batch.prevPrefix());
      if (previous != null && batch.follows(previous) && batch.sameAuthor(previous)) {
        vouched.add(previous);
      }
    }
    for (Batch batch : fresh) {
      if (!vouched.contains(batch) && !BatchSigner.signatureValid(batch, particleId)) {
        throw mismatch(batch, particleId);
      }
    }
    batches.addAll(fresh);
    return fresh.size();
  }

  private static SignatureMismatchException mismatch(Batch batch, String particleId) {
    return new SignatureMismatchException(
        "signature mismatch: the data that peer "
            + batch.author()
            + " added does not verify for particle '"
            + particleId
            + "' (tampered or signed for another particle)");
  }

  /** The hash of {@code author}'s newest batch here, or {@link Batch#NO_PREVIOUS}. */
  public byte[] latestHashBy(byte[] authorPublicKey) {
    for (int i = batches.size() - 1; i >= 0; i--) {
      if (batches.get(i).authoredBy(authorPublicKey)) {
        return batches.get(i).hash();
      }
    }
    return Batch.NO_PREVIOUS;
  }

  private boolean containsSameHash(Batch candidate) {
    for (Batch batch : batches) {
      if (batch.sameHash(candidate)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Signs {@code key}'s newest batch here if it was sealed unsigned, so that the data can leave
   * this peer: the signed batch vouches for the author's earlier ones through the hash chain.
   *
   * @return the index of the batch it signed, or -1 when there was nothing to sign
   */
  public int signLatestBy(KeyPair key, String particleId) {
    byte[] publicKey = key.publicKey();
    for (int i = batches.size() - 1; i >= 0; i--) {
      Batch batch = batches.get(i);
      if (batch.authoredBy(publicKey)) {
        if (BatchSigner.isSigned(batch)) {
          return -1;
        }
        byte[] signed = BatchSigner.signed(batch, key, particleId);
        batches.set(i, new Batch(signed, 0, signed.length));
        return i;
      }
    }
    return -1;
  }

  /** Adds a freshly sealed batch (see {@link BatchSigner#seal}). */
  public Batch addSealed(byte[] sealed) {
    Batch batch = new Batch(sealed, 0, sealed.length);
    batches.add(batch);
    return batch;
  }

  public byte[] encode() {
    if (batches.isEmpty()) {
      return new byte[0];
    }
    int total = MAGIC.length + 1 + varintSize(batches.size());
    for (Batch batch : batches) {
      total += varintSize(batch.length()) + batch.length();
    }
    byte[] out = new byte[total];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[MAGIC.length] = VERSION;
    int pos = writeVarint(out, MAGIC.length + 1, batches.size());
    for (Batch batch : batches) {
      pos = writeVarint(out, pos, batch.length());
      System.arraycopy(batch.buffer(), batch.start(), out, pos, batch.length());
      pos += batch.length();
    }
    return out;
  }

  /**
   * Encodes this data when its first {@code prefixBatches} batches are exactly those of {@code
   * prefix} (this peer's previous data): copies {@code prefix} in one go and appends the rest,
   * instead of re-walking every batch.
   */
  public byte[] encodeExtending(byte[] prefix, int prefixBatches) {
    int headerEnd = MAGIC.length + 1;
    if (prefix.length == 0
        || prefixBatches == 0
        || varintSize(prefixBatches) != varintSize(batches.size())) {
      return encode();
    }
    int total = prefix.length;
    for (int i = prefixBatches; i < batches.size(); i++) {
      total += varintSize(batches.get(i).length()) + batches.get(i).length();
    }
    byte[] out = Arrays.copyOf(prefix, total);
    writeVarint(out, headerEnd, batches.size());
    int pos = prefix.length;
    for (int i = prefixBatches; i < batches.size(); i++) {
      Batch batch = batches.get(i);
      pos = writeVarint(out, pos, batch.length());
      System.arraycopy(batch.buffer(), batch.start(), out, pos, batch.length());
      pos += batch.length();
    }
    return out;
  }

  private static int varintSize(int value) {
    int size = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  private static int writeVarint(byte[] out, int pos, int value) {
    while ((value & ~0x7F) != 0) {
      out[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    return pos;
  }

  /** The set of batch hashes, for comparing datas regardless of arrival order. */
  public Set<String> batchHashes() {
    Set<String> hashes = new HashSet<>();
    for (Batch batch : batches) {
      hashes.add(java.util.HexFormat.of().formatHex(batch.hash()));
    }
    return hashes;
  }
}

package io.gyre.air.internal.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record of a peer's merged data, found by key. A record's rank is the index of its batch in
 * the peer's arrival order; records a run adds get the rank {@link #newRank()}.
 */
public final class DataIndex {

  /** Where a call or canon record lives: its batch (rank) and its payload offset. */
  public record Entry(int rank, int type, byte[] buf, int offset, int end) {}

  private final List<Batch> batches;
  // Small to start (a particle's data has few records; the maps grow): a run builds a fresh index.
  private final LongMap<Entry> results = new LongMap<>(8);
  private final LongMap<Entry> values = new LongMap<>(8);
  private final LongMap<Integer> apRanks = new LongMap<>(8);
  private final LongMap<Boolean> sent = new LongMap<>(8);
  private final LongMap<Integer> pendingByKey = new LongMap<>(8);
  private final Map<Integer, Long> pendingById = new HashMap<>();
  private int lastRequestId;

  private DataIndex(List<Batch> batches) {
    this.batches = batches;
  }

  /** Indexes {@code data}; {@code currentPeer}'s own pending requests are kept apart. */
  public static DataIndex of(ParticleData data, String currentPeer) {
    DataIndex index = new DataIndex(data.batches());
    List<Batch> batches = data.batches();
    for (int rank = 0; rank < batches.size(); rank++) {
      index.read(rank, batches.get(rank), currentPeer);
    }
    return index;
  }

  private void read(int rank, Batch batch, String currentPeer) {
    byte[] buf = batch.buffer();
    ByteReader in = new ByteReader(buf, batch.bodyStart(), batch.end());
    int count = in.length();
    boolean mine = false;
    boolean mineKnown = false;
    for (int i = 0; i < count; i++) {
      int type = in.readByte();
      long key = in.fixed64();
      switch (type) {
        case Records.CALL_OK -> {
          int length = in.length();
          int start = in.skip(length);
          results.putIfAbsent(key, new Entry(rank, type, buf, start, start + length));
        }
        case Records.CALL_FAILED -> {
          int start = in.position();
          in.zigzag();
          in.string();
          results.putIfAbsent(key, new Entry(rank, type, buf, start, in.position()));
        }
        case Records.CANON -> {
          int start = in.position();
          in.skip(8 * in.length());
          results.putIfAbsent(key, new Entry(rank, type, buf, start, in.position()));
        }
        case Records.VALUE -> {
          int start = in.position();
          in.skip(in.length());
          Records.readTetraplet(in);
          values.putIfAbsent(key, new Entry(rank, type, buf, start, in.position()));
        }
        case Records.AP -> apRanks.putIfAbsent(key, rank);
        case Records.SENT -> sent.put(key, Boolean.TRUE);
        case Records.PENDING -> {
          int requestId = in.length();
          // the call's own peer has it in hand: nobody else sends the particle there for it
          sent.put(key, Boolean.TRUE);
          if (!mineKnown) {
            mine = batch.author().equals(currentPeer);
            mineKnown = true;
          }
          if (mine) {
            pendingByKey.put(key, requestId);
            pendingById.put(requestId, key);
            lastRequestId = Math.max(lastRequestId, requestId);
          }
        }
        default -> throw new DataFormatException("unknown record type " + type);
      }
    }
  }

  public int newRank() {
    return batches.size();
  }

  /** The call or canon record for {@code key}, or null. */
  public Entry result(long key) {
    return results.get(key);
  }

  /** The author of the batch at {@code rank}. */
  public String author(int rank) {
    return batches.get(rank).author();
  }

  /** The rank of the batch that first recorded the ap {@code key}, or -1. */
  public int apRank(long key) {
    Integer rank = apRanks.get(key);
    return rank == null ? -1 : rank;
  }

  public boolean sent(long key) {
    return sent.containsKey(key);
  }

  /** This peer's request id for the call {@code key}, or -1. */
  public int pendingRequest(long key) {
    Integer id = pendingByKey.get(key);
    return id == null ? -1 : id;
  }

  public boolean isPendingRequest(int requestId) {
    return pendingById.containsKey(requestId);
  }

  public int lastRequestId() {
    return lastRequestId;
  }

  /** Records what this run adds, so later instructions of the same run see it. */
  public void putResult(long key, Entry entry) {
    results.put(key, entry);
  }

  /** The canon element stored under the content key {@code key}, or null. */
  public Entry value(long key) {
    return values.get(key);
  }

  public void putValue(long key, Entry entry) {
    values.putIfAbsent(key, entry);
  }

  public void putAp(long key, int rank) {
    apRanks.putIfAbsent(key, rank);
  }

  public void putSent(long key) {
    sent.put(key, Boolean.TRUE);
  }

  public void putPending(long key, int requestId) {
    pendingByKey.put(key, requestId);
    pendingById.put(requestId, key);
    lastRequestId = Math.max(lastRequestId, requestId);
  }
}

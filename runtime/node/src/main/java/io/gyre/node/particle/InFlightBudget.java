package io.gyre.node.particle;

import java.util.Optional;

/**
 * What a node's live particles may hold at once, shared by the inboxes of all its peers: how many
 * particles, and how many bytes (for each particle, the largest version of it that arrived — the
 * data a particle actor holds grows as peers add to it). Past either limit new particles are
 * refused, so a flood of large particles cannot exhaust the heap.
 */
public final class InFlightBudget {
  private final int maxParticles;
  private final long maxBytes;
  private int particles;
  private long bytes;

  public InFlightBudget(int maxParticles, long maxBytes) {
    this.maxParticles = maxParticles;
    this.maxBytes = maxBytes;
  }

  /** Takes a place for a new particle of {@code size} bytes; empty when taken, else why not. */
  synchronized Optional<String> take(long size) {
    if (particles >= maxParticles) {
      return Optional.of("holds its limit of " + maxParticles + " in-flight particles");
    }
    Optional<String> full = room(size);
    if (full.isEmpty()) {
      particles++;
      bytes += size;
    }
    return full;
  }

  /** A live particle grew by {@code extra} bytes; empty when there was room, else why not. */
  synchronized Optional<String> grow(long extra) {
    Optional<String> full = room(extra);
    if (full.isEmpty()) {
      bytes += extra;
    }
    return full;
  }

  /** A particle of {@code size} bytes (as last accounted) ended. */
  synchronized void release(long size) {
    particles--;
    bytes -= size;
  }

  public synchronized int particles() {
    return particles;
  }

  public synchronized long bytes() {
    return bytes;
  }

  private Optional<String> room(long extra) {
    if (bytes + extra <= maxBytes) {
      return Optional.empty();
    }
    return Optional.of(
        "holds "
            + bytes
            + " bytes of in-flight particles; "
            + extra
            + " more would pass its limit of "
            + maxBytes
            + " (gyre.node.limits.max-in-flight-bytes)");
  }
}

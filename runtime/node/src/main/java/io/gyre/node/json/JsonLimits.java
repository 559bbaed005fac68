package io.gyre.node.json;

/**
 * How deep and how large a JSON text the peer or the command line reads may be. Jackson 2.11 reads
 * nested values by recursion, so an unbounded depth is a stack overflow waiting for its input.
 */
public record JsonLimits(int maxDepth, long maxBytes) {
  /** Aqua values are a few levels deep; 512 leaves room and keeps every reader's stack small. */
  public static final int DEFAULT_DEPTH = 512;

  /** The peer's particle limit ({@code limits.max-particle-bytes}' default). */
  public static final JsonLimits DEFAULT = new JsonLimits(DEFAULT_DEPTH, 80L << 20);

  public JsonLimits {
    if (maxDepth <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
  }

  public JsonLimits withMaxBytes(long bytes) {
    return new JsonLimits(maxDepth, bytes);
  }
}

package io.gyre.air.internal.exec;

/**
 * Names what the data records: an instruction in its fold-iteration path. The path is a hash
 * chained through the enclosing folds' iterations (an index over an array, the element's identity
 * over a stream), so a record keeps its key whatever order peers saw a stream in.
 */
final class Identity {
  static final long ROOT = 0x6779726561697231L;

  private Identity() {}

  static long mix(long a, long b) {
    long h = a * 0x9E3779B97F4A7C15L + b;
    h ^= h >>> 31;
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return h;
  }

  static long iteration(long outerPath, int foldId, long iterationId) {
    return mix(mix(outerPath, 0x100000000L | foldId), iterationId);
  }

  static long key(long path, int instructionId) {
    return mix(path, instructionId);
  }
}

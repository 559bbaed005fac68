package io.gyre.chat;

import java.util.TreeSet;

/**
 * The message numbers a session has already shown, so a message delivered and also caught up from
 * the history is shown once. Keeps the newest {@value #KEPT}; older ones count as seen.
 */
final class SeenMessages {
  static final int KEPT = 1000;

  private final TreeSet<Long> seqs = new TreeSet<>();

  /** True the first time {@code seq} is offered. */
  synchronized boolean firstTime(long seq) {
    if (seqs.size() == KEPT && seq < seqs.first()) {
      return false;
    }
    boolean added = seqs.add(seq);
    if (seqs.size() > KEPT) {
      seqs.pollFirst();
    }
    return added;
  }
}

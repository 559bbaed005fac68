package io.gyre.node.particle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The inbox's two clocks for quiet particles: which actors have been idle long enough to stop
 * (their state kept), and which dormant particles have reached their TTL. Both are checked on the
 * inbox's periodic sweep, so a particle costs no timer of its own while it waits.
 *
 * <p>An actor is stopped only after it has been idle for {@code idleBeforeStop}: a particle that
 * comes back quickly (an init peer waiting for its answer, a relay on the way back) keeps its actor
 * and costs no restart, while the many that only wait for their TTL hold data, not actors.
 */
final class QuietParticles {

  /** An actor reported it had nothing to do after {@code handled} arrivals, at {@code atMs}. */
  record Mark(String particleId, int handled, ParticleState state, long atMs) {}

  private record Deadline(String particleId, long deadlineMs) {}

  private final long idleBeforeStopMs;
  // Marks are added in time order, so the oldest is always first.
  private final Deque<Mark> marks = new ArrayDeque<>();
  private final PriorityQueue<Deadline> dormant =
      new PriorityQueue<>((a, b) -> Long.compare(a.deadlineMs(), b.deadlineMs()));

  QuietParticles(Duration idleBeforeStop) {
    this.idleBeforeStopMs = idleBeforeStop.toMillis();
  }

  void quiet(Mark mark) {
    marks.add(mark);
  }

  /** Marks idle for long enough at {@code nowMs}; the caller checks each is still current. */
  List<Mark> idleAt(long nowMs) {
    List<Mark> due = new ArrayList<>();
    while (!marks.isEmpty() && marks.peekFirst().atMs() + idleBeforeStopMs <= nowMs) {
      due.add(marks.pollFirst());
    }
    return due;
  }

  void dormant(String particleId, long deadlineMs) {
    dormant.add(new Deadline(particleId, deadlineMs));
  }

  /** Dormant particles whose deadline passed; the caller checks each is still dormant. */
  List<String> expiredAt(long nowMs) {
    List<String> due = new ArrayList<>();
    while (!dormant.isEmpty() && dormant.peek().deadlineMs() <= nowMs) {
      due.add(dormant.poll().particleId());
    }
    return due;
  }

  void clear() {
    marks.clear();
    dormant.clear();
  }
}

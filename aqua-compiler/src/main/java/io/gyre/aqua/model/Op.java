package io.gyre.aqua.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lowered program: a tree of AIR-shaped operations with {@code on} blocks still in it. Calls
 * and canonicalisations have no peer yet; the topology stage decides where each runs and inserts
 * the hops between peers.
 */
public sealed interface Op {

  /** Operations that group others. */
  sealed interface Group extends Op {
    List<Op> children();
  }

  record Seq(List<Op> children) implements Group {
    public Seq {
      children = List.copyOf(children);
    }
  }

  record Par(List<Op> children) implements Group {
    public Par {
      children = List.copyOf(children);
    }
  }

  record Xor(List<Op> children) implements Group {
    public Xor {
      children = List.copyOf(children);
    }
  }

  /**
   * Run {@code body} on {@code peer}, reached through {@code via}; with {@code relayReturn} the way
   * out only goes back to the relay (as {@code parseq} does).
   */
  record On(Value peer, List<Value> via, boolean relayReturn, Op body) implements Group {
    public On {
      via = List.copyOf(via);
    }

    @Override
    public List<Op> children() {
      return List.of(body);
    }
  }

  /**
   * AIR {@code new}: {@code name} (a stream, a canon stream or a scalar) exists only in {@code
   * body}.
   */
  record Restrict(Value.Var name, Op body) implements Group {
    @Override
    public List<Op> children() {
      return List.of(body);
    }
  }

  /** {@code (match l r body)} or, with {@code !equal}, {@code mismatch}. */
  record Match(Value left, Value right, boolean equal, Op body) implements Group {
    @Override
    public List<Op> children() {
      return List.of(body);
    }
  }

  /** AIR {@code fold}; {@code never} ends it with {@code (never)} instead of {@code (null)}. */
  record Fold(Value iterable, String item, Op body, boolean never) implements Group {
    @Override
    public List<Op> children() {
      return List.of(body);
    }
  }

  /**
   * The body of a closure that runs where it was defined: on the topology {@code name} captured.
   */
  record ApplyTopology(String name, Op body) implements Group {
    @Override
    public List<Op> children() {
      return List.of(body);
    }
  }

  /** A service call; its peer comes from the enclosing {@code on}. */
  record Call(Value service, String function, List<Value> args, Optional<Value.Var> result)
      implements Op {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code (canon peer $stream #target)} (or a stream map into a scalar). */
  record Canon(Value.Var stream, Value.Var target) implements Op {}

  /** {@code (ap value target)}. */
  record Ap(Value value, Value.Var target) implements Op {}

  /** {@code (ap (key value) %map)}. */
  record ApKey(Value key, Value value, Value.Var map) implements Op {}

  record Next(String item) implements Op {}

  record Fail(Value error) implements Op {}

  record Null() implements Op {}

  record Never() implements Op {}

  /** Remembers where a closure was defined (nothing in AIR). */
  record CaptureTopology(String name) implements Op {}

  /** A hop of the particle to {@code peer}, made by the topology stage. */
  record Hop(Value peer) implements Op {}

  /** A {@code fold} over relays with a hop in each iteration (a {@code via} array). */
  record HopFold(Value peers, boolean reversed) implements Op {}

  /** A call or canonicalisation placed on its peer by the topology stage. */
  record Placed(Value peer, Op op) implements Op {}

  Null NULL = new Null();
  Never NEVER = new Never();

  /** A sequence, flattened; one element stays itself, none is {@code (null)}. */
  static Op seq(List<Op> ops) {
    List<Op> flat = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Seq s) {
        flat.addAll(s.children());
      } else if (!(op instanceof Null)) {
        flat.add(op);
      }
    }
    if (flat.isEmpty()) {
      return NULL;
    }
    return flat.size() == 1 ? flat.get(0) : new Seq(flat);
  }

  static Op seq(Op... ops) {
    return seq(List.of(ops));
  }
}

package io.gyre.aqua.topology;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where every call runs and how the particle gets there: each call and canonicalisation is
 * placed on the peer of its innermost {@code on} (the init peer outside any), and the hops the
 * particle must make between peers (through relays) are inserted before and after operations. The
 * result has no {@code on} blocks left: it is AIR-shaped.
 */
public final class Topology {
  private Topology() {}

  public static Op resolve(Op root) {
    Map<String, TNode> captures = new HashMap<>();
    TNode tree = build(root, null, 0, captures);
    return Op.seq(resolve(tree));
  }

  private static TNode build(Op op, TNode parent, int index, Map<String, TNode> captures) {
    TNode node = new TNode(op, parent, index, captures);
    if (op instanceof Op.CaptureTopology c) {
      captures.put(c.name(), node);
    }
    if (op instanceof Op.Group g) {
      List<Op> children = g.children();
      for (int i = 0; i < children.size(); i++) {
        node.all.add(build(children.get(i), node, i, captures));
      }
    }
    return node;
  }

  /** The node's operations: hops before it, itself, hops after it. */
  private static List<Op> resolve(TNode node) {
    Op self = resolved(node);
    if (self == null) {
      return List.of();
    }
    List<Op> out = new ArrayList<>();
    for (Value peer : node.pathBefore()) {
      out.add(hop(peer, false));
    }
    out.add(self);
    for (Value peer : node.pathAfter()) {
      out.add(hop(peer, true));
    }
    return out;
  }

  private static Op hop(Value peer, boolean reversed) {
    if (peer.type() instanceof Type.CollectionType) {
      return new Op.HopFold(peer, reversed);
    }
    return new Op.Hop(peer);
  }

  private static Op resolved(TNode node) {
    Op op = node.op;
    if (op instanceof Op.CaptureTopology) {
      return null;
    }
    if (op instanceof Op.Call || op instanceof Op.Canon) {
      Value peer = node.currentPeer().orElse(Value.Literal.INIT_PEER);
      return new Op.Placed(peer, op);
    }
    if (!(op instanceof Op.Group)) {
      return op;
    }
    List<List<Op>> children = new ArrayList<>();
    for (TNode c : node.all) {
      children.add(resolve(c));
    }
    if (op instanceof Op.Par) {
      return new Op.Par(children.stream().filter(c -> !c.isEmpty()).map(Op::seq).toList());
    }
    if (op instanceof Op.Xor) {
      return new Op.Xor(children.stream().filter(c -> !c.isEmpty()).map(Op::seq).toList());
    }
    List<Op> flat = new ArrayList<>();
    children.forEach(flat::addAll);
    Op body = Op.seq(flat);
    if (op instanceof Op.Restrict r) {
      return new Op.Restrict(r.name(), body);
    }
    if (op instanceof Op.Match m) {
      return new Op.Match(m.left(), m.right(), m.equal(), body);
    }
    if (op instanceof Op.Fold f) {
      if (f.iterable() instanceof Value.Literal) {
        return null;
      }
      return new Op.Fold(f.iterable(), f.item(), body, f.never());
    }
    return body; // seq, on, applied topology: just their contents
  }
}

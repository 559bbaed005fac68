package io.gyre.aqua.topology;

import io.gyre.aqua.model.Op;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables a subtree reads and writes, and whether anything after an operation reads what it
 * wrote or does any work at all: a {@code par} branch returns to the join point only when its
 * results are used later; an {@code xor} branch leaves its peer only when work follows.
 */
final class DataFlow {
  private DataFlow() {}

  static Set<String> usesSubtree(TNode node) {
    Set<String> out = new HashSet<>(VarUsage.uses(node.op));
    for (TNode c : node.all) {
      out.addAll(c.usesSubtree());
    }
    out.removeAll(VarUsage.restricts(node.op));
    return out;
  }

  /** Variables a subtree writes, not counting {@code on} blocks that only return to the relay. */
  private static void collectExports(TNode node, Set<String> out) {
    if (node.op instanceof Op.On on && on.relayReturn()) {
      return;
    }
    Set<String> mine = new HashSet<>(VarUsage.exports(node.op));
    for (TNode c : node.all) {
      collectExports(c, mine);
    }
    mine.removeAll(VarUsage.restricts(node.op));
    out.addAll(mine);
  }

  static boolean exportsUsedLater(TNode node) {
    Set<String> exports = new HashSet<>();
    collectExports(node, exports);
    if (exports.isEmpty()) {
      return false;
    }
    for (TNode n = node; n.parent != null; n = n.parent) {
      List<TNode> siblings = n.parent.all;
      for (int i = n.index + 1; i < siblings.size(); i++) {
        Set<String> uses = siblings.get(i).usesSubtree();
        for (String name : exports) {
          if (uses.contains(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static boolean hasExecLater(TNode node) {
    TNode parent = node.parent;
    if (parent == null) {
      return false;
    }
    for (int i = node.index + 1; i < parent.all.size(); i++) {
      if (!parent.all.get(i).isNoExec()) {
        return true;
      }
    }
    return parent.hasExecLater();
  }
}

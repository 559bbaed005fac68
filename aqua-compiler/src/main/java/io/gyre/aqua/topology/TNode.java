package io.gyre.aqua.topology;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One operation in the tree with the questions the topology asks about it, each answered once
 * (memoised): where the particle is before it, where it must be to begin it, where it ends, where
 * the next operation wants it, and whether it must explicitly move there.
 *
 * <p>The answers follow the rules of Fluence's compiler: the next statement of a sequence starts
 * where the previous ended; a {@code par} branch whose results are used later returns to where they
 * are used (and pings that peer); an {@code xor} branch leaves when something runs after it; a
 * {@code fail} goes all the way back to the peer that handles it.
 */
final class TNode {
  enum Exit {
    EMPTY,
    TO_RELAY,
    FULL
  }

  final Op op;
  final TNode parent;
  final int index;
  final List<TNode> all = new ArrayList<>();
  private final Map<String, TNode> captures;

  private Boolean noExec;
  private Location pathOn;
  private Location beforeOn;
  private Location beginsOn;
  private Location endsOn;
  private Location afterOn;
  private Exit forceExit;
  private Optional<Location> firstExecutesOn;
  private Optional<Location> lastExecutesOn;
  private Set<String> usesSubtree;
  private Boolean hasExecLater;
  private List<TNode> children;

  TNode(Op op, TNode parent, int index, Map<String, TNode> captures) {
    this.op = op;
    this.parent = parent;
    this.index = index;
    this.captures = captures;
  }

  // ---------------------------------------------------------------- kinds

  static boolean isSeqGroup(Op op) {
    return op instanceof Op.Seq
        || op instanceof Op.On
        || op instanceof Op.Restrict
        || op instanceof Op.Match
        || op instanceof Op.Fold
        || op instanceof Op.ApplyTopology;
  }

  private static boolean forcesExecution(Op op) {
    return op instanceof Op.Call || op instanceof Op.Canon;
  }

  boolean isNoExec() {
    if (noExec == null) {
      if (op instanceof Op.CaptureTopology || op instanceof Op.Null) {
        noExec = true;
      } else if (op instanceof Op.Group) {
        noExec = all.stream().allMatch(TNode::isNoExec);
      } else {
        noExec = false;
      }
    }
    return noExec;
  }

  // ---------------------------------------------------------------- neighbours (no-exec skipped)

  List<TNode> children() {
    if (children == null) {
      children = all.stream().filter(c -> !c.isNoExec()).toList();
    }
    return children;
  }

  Optional<TNode> prevSibling() {
    if (parent == null) {
      return Optional.empty();
    }
    for (int i = index - 1; i >= 0; i--) {
      TNode s = parent.all.get(i);
      if (!s.isNoExec()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  Optional<TNode> nextSibling() {
    if (parent == null) {
      return Optional.empty();
    }
    for (int i = index + 1; i < parent.all.size(); i++) {
      TNode s = parent.all.get(i);
      if (!s.isNoExec()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<TNode> firstChild() {
    List<TNode> c = children();
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  private Optional<TNode> lastChild() {
    List<TNode> c = children();
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
  }

  // ---------------------------------------------------------------- where

  Location pathOn() {
    if (pathOn == null) {
      Location outer = parent == null ? Location.NOWHERE : parent.pathOn();
      if (op instanceof Op.On on) {
        pathOn = outer.enter(new Location.Frame(on.peer(), on.via(), on.relayReturn()));
      } else if (op instanceof Op.ApplyTopology apply && captures.containsKey(apply.name())) {
        pathOn = captures.get(apply.name()).pathOn();
      } else {
        pathOn = outer;
      }
    }
    return pathOn;
  }

  Optional<Value> currentPeer() {
    return pathOn().peer();
  }

  Optional<Location> firstExecutesOn() {
    if (firstExecutesOn == null) {
      firstExecutesOn = Optional.empty();
      if (forcesExecution(op)) {
        firstExecutesOn = Optional.of(pathOn());
      } else {
        for (TNode c : children()) {
          Optional<Location> l = c.firstExecutesOn();
          if (l.isPresent()) {
            firstExecutesOn = l;
            break;
          }
        }
      }
    }
    return firstExecutesOn;
  }

  Optional<Location> lastExecutesOn() {
    if (lastExecutesOn == null) {
      lastExecutesOn = Optional.empty();
      if (forcesExecution(op)) {
        lastExecutesOn = Optional.of(pathOn());
      } else {
        List<TNode> c = children();
        for (int i = c.size() - 1; i >= 0; i--) {
          Optional<Location> l = c.get(i).lastExecutesOn();
          if (l.isPresent()) {
            lastExecutesOn = l;
            break;
          }
        }
      }
    }
    return lastExecutesOn;
  }

  /** Where the particle is just before this operation. */
  Location beforeOn() {
    if (beforeOn == null) {
      if (parent == null) {
        beforeOn = beginsOn();
      } else if (parent.op instanceof Op.Xor) {
        beforeOn = prevSibling().map(TNode::beginsOn).orElseGet(parent::beginsOn);
      } else if (isSeqGroup(parent.op)) {
        beforeOn = prevSibling().map(TNode::finallyOn).orElseGet(parent::beginsOn);
      } else {
        beforeOn = parent.beginsOn();
      }
    }
    return beforeOn;
  }

  /** Where the particle must be to begin this operation. */
  Location beginsOn() {
    if (beginsOn == null) {
      if (op instanceof Op.Next && parent != null && isSeqGroup(parent.op)) {
        beginsOn = enclosingFold().map(TNode::beginsOn).orElseGet(this::pathOn);
      } else if (op instanceof Op.Fold fold) {
        beginsOn = foldBegins(fold);
      } else if (op instanceof Op.Par) {
        beginsOn = parBegins();
      } else {
        beginsOn = pathOn();
      }
    }
    return beginsOn;
  }

  private Optional<TNode> enclosingFold() {
    for (TNode p = parent; p != null; p = p.parent) {
      if (p.op instanceof Op.Fold) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A loop's hops are taken outside it up to the first level that depends on the item. */
  private Location foldBegins(Op.Fold fold) {
    Optional<TNode> first = firstChild();
    if (first.isPresent() && first.get().op instanceof Op.Next) {
      first = first.get().nextSibling();
    }
    if (first.isEmpty()) {
      return pathOn();
    }
    List<Location.Frame> frames = first.get().beginsOn().frames();
    List<Location.Frame> acc = new ArrayList<>(); // innermost first, built from the outside in
    for (int i = frames.size() - 1; i >= 0; i--) {
      Location.Frame on = frames.get(i);
      if (on.via().stream().anyMatch(v -> uses(v, fold.item()))) {
        break;
      }
      if (uses(on.peer(), fold.item())) {
        if (!acc.isEmpty() && !acc.get(0).via().isEmpty()) {
          Location.Frame outer = acc.get(0);
          acc.add(0, new Location.Frame(outer.via().get(0), outer.via(), outer.relayReturn()));
          break;
        }
      }
      acc.add(0, on);
    }
    return new Location(acc);
  }

  private static boolean uses(Value v, String name) {
    return VarUsage.names(v).contains(name);
  }

  /** Branches of a par begin where they all begin: the common outer part of their locations. */
  private Location parBegins() {
    List<TNode> c = children();
    if (c.isEmpty()) {
      return pathOn();
    }
    Location common = c.get(0).beginsOn();
    for (int i = 1; i < c.size(); i++) {
      common = common.commonOuter(c.get(i).beginsOn());
    }
    return common;
  }

  /** Where the particle is when this operation is done. */
  Location endsOn() {
    if (endsOn == null) {
      if (isSeqGroup(op)) {
        endsOn = childFinally(lastChild());
      } else if (op instanceof Op.Xor) {
        endsOn = childFinally(firstChild());
      } else if (op instanceof Op.Par) {
        Exit exit = Exit.EMPTY;
        for (TNode c : children()) {
          exit = combine(exit, c.forceExit());
        }
        endsOn =
            switch (exit) {
              case EMPTY -> beginsOn();
              case TO_RELAY -> pathOn().toRelay();
              case FULL -> afterOn();
            };
      } else if (parent == null) {
        endsOn = pathOn();
      } else {
        endsOn = beginsOn();
      }
    }
    return endsOn;
  }

  private static Exit combine(Exit a, Exit b) {
    if (a == Exit.FULL || b == Exit.FULL) {
      return Exit.FULL;
    }
    return a == Exit.TO_RELAY || b == Exit.TO_RELAY ? Exit.TO_RELAY : Exit.EMPTY;
  }

  private Location childFinally(Optional<TNode> child) {
    if (child.isEmpty()) {
      return beginsOn();
    }
    TNode c = child.get();
    return switch (c.forceExit()) {
      case EMPTY -> c.endsOn();
      case TO_RELAY -> c.pathOn().toRelay();
      case FULL -> afterOn();
    };
  }

  /** Where the operation after this one wants the particle. */
  Location afterOn() {
    if (afterOn == null) {
      if (op instanceof Op.Fail || parent == null) {
        afterOn = pathOn();
      } else if (parent.op instanceof Op.Par) {
        afterOn = parent.afterOn();
      } else if (parent.op instanceof Op.Xor) {
        afterOn =
            switch (forceExit()) {
              case EMPTY -> pathOn();
              case TO_RELAY -> pathOn().toRelay();
              case FULL -> closestParExit().map(TNode::afterOn).orElseGet(parent::afterOn);
            };
      } else if (isSeqGroup(parent.op)) {
        afterOn = nextSibling().map(TNode::beginsOn).orElseGet(parent::afterOn);
      } else {
        afterOn = pathOn();
      }
    }
    return afterOn;
  }

  /** Whether (and how far) the particle must leave this operation's location when it is done. */
  Exit forceExit() {
    if (forceExit == null) {
      forceExit = Exit.EMPTY;
      if (op instanceof Op.Fail || parent == null) {
        forceExit = Exit.EMPTY;
      } else if (parent.op instanceof Op.Par) {
        forceExit = exportsUsedLater() ? Exit.FULL : Exit.EMPTY;
      } else if (parent.op instanceof Op.Xor) {
        if (op instanceof Op.On on && on.relayReturn()) {
          forceExit = Exit.TO_RELAY;
        } else {
          Optional<TNode> branch = closestParExitChild();
          forceExit =
              branch.isPresent()
                  ? branch.get().forceExit()
                  : parent.hasExecLater() ? Exit.FULL : Exit.EMPTY;
        }
      }
    }
    return forceExit;
  }

  Location finallyOn() {
    return switch (forceExit()) {
      case FULL -> afterOn();
      case TO_RELAY -> pathOn().toRelay();
      case EMPTY -> endsOn();
    };
  }

  /** The par branch this xor branch leaves through, if it is at the end of one. */
  private Optional<TNode> closestParExitChild() {
    for (TNode t = parent; t != null && t.parent != null; t = t.parent) {
      Op p = t.parent.op;
      if (isSeqGroup(p)) {
        if (t.nextSibling().isEmpty()) {
          continue;
        }
        return Optional.empty();
      }
      if (p instanceof Op.Xor) {
        continue;
      }
      return p instanceof Op.Par ? Optional.of(t) : Optional.empty();
    }
    return Optional.empty();
  }

  Optional<TNode> closestParExit() {
    return closestParExitChild().map(t -> t.parent);
  }

  // ---------------------------------------------------------------- hops and data flow

  /** Hops to make before this operation. */
  List<Value> pathBefore() {
    return Hops.before(this);
  }

  /** Hops to make after this operation, to where execution continues. */
  List<Value> pathAfter() {
    return Hops.after(this);
  }

  /** Whether something that runs after this operation reads a variable it writes. */
  private boolean exportsUsedLater() {
    return DataFlow.exportsUsedLater(this);
  }

  /** Whether anything that does work comes after this operation. */
  boolean hasExecLater() {
    if (hasExecLater == null) {
      hasExecLater = DataFlow.hasExecLater(this);
    }
    return hasExecLater;
  }

  Set<String> usesSubtree() {
    if (usesSubtree == null) {
      usesSubtree = DataFlow.usesSubtree(this);
    }
    return usesSubtree;
  }
}

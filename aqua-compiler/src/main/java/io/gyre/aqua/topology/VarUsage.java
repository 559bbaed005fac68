package io.gyre.aqua.topology;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import java.util.HashSet;
import java.util.Set;

/** Which variables an operation reads, writes and scopes (its children not counted). */
final class VarUsage {
  private VarUsage() {}

  static Set<String> uses(Op op) {
    Set<String> out = new HashSet<>();
    if (op instanceof Op.On on) {
      add(out, on.peer());
      on.via().forEach(v -> add(out, v));
    } else if (op instanceof Op.Fold f) {
      add(out, f.iterable());
    } else if (op instanceof Op.Match m) {
      add(out, m.left());
      add(out, m.right());
    } else if (op instanceof Op.Call c) {
      add(out, c.service());
      c.args().forEach(v -> add(out, v));
    } else if (op instanceof Op.Ap ap) {
      add(out, ap.value());
    } else if (op instanceof Op.ApKey ak) {
      add(out, ak.key());
      add(out, ak.value());
    } else if (op instanceof Op.Canon c) {
      add(out, c.stream());
    } else if (op instanceof Op.Next n) {
      out.add(n.item());
    } else if (op instanceof Op.Fail f) {
      add(out, f.error());
    }
    return out;
  }

  static Set<String> exports(Op op) {
    if (op instanceof Op.Call c && c.result().isPresent()) {
      return Set.of(c.result().get().name());
    }
    if (op instanceof Op.Ap ap) {
      return Set.of(ap.target().name());
    }
    if (op instanceof Op.ApKey ak) {
      return Set.of(ak.map().name());
    }
    if (op instanceof Op.Canon c) {
      return Set.of(c.target().name());
    }
    return Set.of();
  }

  static Set<String> restricts(Op op) {
    if (op instanceof Op.Restrict r) {
      return Set.of(r.name().name());
    }
    if (op instanceof Op.Fold f) {
      return Set.of(f.item());
    }
    return Set.of();
  }

  static Set<String> names(Value v) {
    Set<String> out = new HashSet<>();
    add(out, v);
    return out;
  }

  private static void add(Set<String> out, Value v) {
    if (v instanceof Value.Var var) {
      out.add(var.name());
      for (Value.Step step : var.path()) {
        if (step instanceof Value.Index i) {
          add(out, i.index());
        }
      }
    }
  }
}

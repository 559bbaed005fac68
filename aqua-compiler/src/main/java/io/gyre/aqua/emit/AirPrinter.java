package io.gyre.aqua.emit;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import java.util.List;

/**
 * Prints a resolved operation tree as AIR text, one instruction per line with one space of
 * indentation per level (the layout of Fluence's compiler, so outputs can be diffed). Sequences,
 * pars and xors of more than two elements nest to the left.
 */
public final class AirPrinter {
  private final StringBuilder out = new StringBuilder(4096);

  private AirPrinter() {}

  public static String print(Op op) {
    AirPrinter p = new AirPrinter();
    p.op(op, 0);
    return p.out.toString();
  }

  private void op(Op op, int indent) {
    if (op instanceof Op.Seq s) {
      nary("seq", s.children(), indent);
    } else if (op instanceof Op.Par p) {
      nary("par", p.children(), indent);
    } else if (op instanceof Op.Xor x) {
      nary("xor", x.children(), indent);
    } else if (op instanceof Op.Restrict r) {
      open("new " + var(r.name()), indent);
      op(r.body(), indent + 1);
      close(indent);
    } else if (op instanceof Op.Match m) {
      open((m.equal() ? "match " : "mismatch ") + value(m.left()) + " " + value(m.right()), indent);
      op(m.body(), indent + 1);
      close(indent);
    } else if (op instanceof Op.Fold f) {
      open("fold " + value(f.iterable()) + " " + f.item(), indent);
      op(f.body(), indent + 1);
      line(f.never() ? "(never)" : "(null)", indent + 1);
      close(indent);
    } else if (op instanceof Op.Placed p) {
      placed(p, indent);
    } else if (op instanceof Op.Ap ap) {
      line("(ap " + value(ap.value()) + " " + value(ap.target()) + ")", indent);
    } else if (op instanceof Op.ApKey ak) {
      line(
          "(ap (" + value(ak.key()) + " " + value(ak.value()) + ") " + value(ak.map()) + ")",
          indent);
    } else if (op instanceof Op.Next n) {
      line("(next " + n.item() + ")", indent);
    } else if (op instanceof Op.Fail f) {
      line("(fail " + value(f.error()) + ")", indent);
    } else if (op instanceof Op.Null) {
      line("(null)", indent);
    } else if (op instanceof Op.Never) {
      line("(never)", indent);
    } else if (op instanceof Op.Hop h) {
      hop(value(h.peer()), indent);
    } else if (op instanceof Op.HopFold hf) {
      open("fold " + value(hf.peers()) + " -via-peer-", indent);
      open("seq", indent + 1);
      if (hf.reversed()) {
        line("(next -via-peer-)", indent + 2);
        hop("-via-peer-", indent + 2);
      } else {
        hop("-via-peer-", indent + 2);
        line("(next -via-peer-)", indent + 2);
      }
      close(indent + 1);
      line("(null)", indent + 1);
      close(indent);
    } else {
      throw new IllegalStateException("not an AIR instruction: " + op);
    }
  }

  /** {@code (seq (seq a b) c)} for [a, b, c], printed without recursing per element. */
  private void nary(String name, List<Op> children, int indent) {
    if (children.isEmpty()) {
      line("(null)", indent);
      return;
    }
    if (children.size() == 1) {
      op(children.get(0), indent);
      return;
    }
    int n = children.size();
    for (int i = 0; i < n - 1; i++) {
      open(name, indent + i);
    }
    int inner = indent + n - 1;
    op(children.get(0), inner);
    op(children.get(1), inner);
    for (int i = 2; i < n; i++) {
      close(inner - 1 - (i - 2));
      op(children.get(i), inner - 1 - (i - 2));
    }
    close(indent);
  }

  private void placed(Op.Placed p, int indent) {
    String peer = value(p.peer());
    if (p.op() instanceof Op.Call c) {
      indent(indent);
      out.append("(call ").append(peer).append(" (");
      value(c.service(), out);
      out.append(" \"").append(c.function()).append("\") [");
      List<Value> args = c.args();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        value(args.get(i), out);
      }
      out.append(']');
      if (c.result().isPresent()) {
        out.append(' ');
        value(c.result().get(), out);
      }
      out.append(")\n");
    } else {
      Op.Canon canon = (Op.Canon) p.op();
      line(
          "(canon " + peer + " " + value(canon.stream()) + "  " + value(canon.target()) + ")",
          indent);
    }
  }

  private void hop(String peer, int indent) {
    open("new $-hop-", indent);
    open("new #-hopc-", indent + 1);
    line("(canon " + peer + " $-hop-  #-hopc-)", indent + 2);
    close(indent + 1);
    close(indent);
  }

  private void open(String head, int indent) {
    line("(" + head, indent);
  }

  private void close(int indent) {
    line(")", indent);
  }

  private static final String SPACES = " ".repeat(256);

  private void line(String text, int indent) {
    indent(indent);
    out.append(text).append('\n');
  }

  private void indent(int indent) {
    int left = indent;
    while (left > 0) {
      int n = Math.min(left, SPACES.length());
      out.append(SPACES, 0, n);
      left -= n;
    }
  }

  // ---------------------------------------------------------------- values

  static String value(Value v) {
    if (v instanceof Value.Literal l) {
      return l.air();
    }
    StringBuilder s = new StringBuilder();
    value(v, s);
    return s.toString();
  }

  static void value(Value v, StringBuilder s) {
    if (v instanceof Value.Literal l) {
      s.append(l.air());
      return;
    }
    Value.Var var = (Value.Var) v;
    s.append(var(var));
    boolean lambda = false;
    for (Value.Step step : var.path()) {
      if (step instanceof Value.Length) {
        s.append(".length");
        continue;
      }
      s.append(lambda ? "." : ".$.");
      lambda = true;
      if (step instanceof Value.Field f) {
        s.append(f.name());
      } else {
        s.append('[');
        value(((Value.Index) step).index(), s);
        s.append(']');
      }
    }
  }

  static String var(Value.Var v) {
    String name = v.name();
    if (name.startsWith("%") || name.startsWith(":")) {
      return name;
    }
    if (v.baseType() instanceof Type.Stream) {
      return "$" + name;
    }
    if (v.baseType() instanceof Type.CanonStream) {
      return "#" + name;
    }
    return name;
  }
}

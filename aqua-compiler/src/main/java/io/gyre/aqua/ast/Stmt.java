package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import java.util.List;
import java.util.Optional;

/** A statement of a function body. */
public sealed interface Stmt {
  Pos pos();

  /** {@code <- a, b}. */
  record Return(List<Expr> values, Pos pos) implements Stmt {
    public Return {
      values = List.copyOf(values);
    }
  }

  /** {@code s: *T}. */
  record DeclareStream(Ident name, TypeExpr type, Pos pos) implements Stmt {}

  /** {@code x = value}, also {@code Ab = Ability(...)}. */
  record Assign(Ident name, Expr value, Pos pos) implements Stmt {}

  /** {@code s <<- value}. */
  record Push(Ident stream, Expr value, Pos pos) implements Stmt {}

  /** {@code join a, b[n]}. */
  record Join(List<Expr> values, Pos pos) implements Stmt {
    public Join {
      values = List.copyOf(values);
    }
  }

  /** {@code Srv id}: later calls of {@code Srv} in this scope go to service id {@code id}. */
  record ServiceId(Ident service, Expr id, Pos pos) implements Stmt {}

  /** {@code a, b <- f(x)} or just {@code f(x)}. */
  record Call(List<Ident> targets, Expr call, Pos pos) implements Stmt {
    public Call {
      targets = List.copyOf(targets);
    }
  }

  /** {@code on peer via r1 via r2:}. */
  record On(Expr peer, List<Expr> via, List<Stmt> body, Pos pos) implements Stmt {
    public On {
      via = List.copyOf(via);
      body = List.copyOf(body);
    }
  }

  enum ForMode {
    SEQ,
    PAR,
    TRY,
    REC
  }

  /** {@code for x <- xs [par|try|rec]:}. */
  record For(Ident item, Expr iterable, ForMode mode, List<Stmt> body, Pos pos) implements Stmt {
    public For {
      body = List.copyOf(body);
    }
  }

  /** {@code parseq x <- xs on peer via r:}. */
  record ParSeq(Ident item, Expr iterable, Expr peer, List<Expr> via, List<Stmt> body, Pos pos)
      implements Stmt {
    public ParSeq {
      via = List.copyOf(via);
      body = List.copyOf(body);
    }
  }

  /**
   * {@code if cond:} with an optional {@code else:}; {@code chained} marks an {@code if} written as
   * {@code else if} (Gyre's extension), which the next {@code else} continues.
   */
  record If(
      Expr condition, List<Stmt> then, Optional<List<Stmt>> otherwise, boolean chained, Pos pos)
      implements Stmt {
    public If {
      then = List.copyOf(then);
      otherwise = otherwise.map(List::copyOf);
    }

    /**
     * This if with {@code orElse} as the else of its innermost open {@code else if}, if any is
     * open.
     */
    public Optional<If> withElse(List<Stmt> orElse) {
      if (otherwise.isEmpty()) {
        return Optional.of(new If(condition, then, Optional.of(orElse), chained, pos));
      }
      List<Stmt> current = otherwise.get();
      if (current.size() == 1 && current.get(0) instanceof If inner && inner.chained()) {
        return inner
            .withElse(orElse)
            .map(i -> new If(condition, then, Optional.of(List.of(i)), chained, pos));
      }
      return Optional.empty();
    }
  }

  /** {@code try:} on its own: an error in the body is swallowed. */
  record Try(List<Stmt> body, Pos pos) implements Stmt {
    public Try {
      body = List.copyOf(body);
    }
  }

  /** {@code catch e:} after a try: runs with the error when {@code tried} fails. */
  record Catch(Stmt tried, Ident error, List<Stmt> handler, Pos pos) implements Stmt {
    public Catch {
      handler = List.copyOf(handler);
    }
  }

  /** {@code otherwise:} after any statement: runs when {@code tried} fails. */
  record Otherwise(Stmt tried, List<Stmt> fallback, Pos pos) implements Stmt {
    public Otherwise {
      fallback = List.copyOf(fallback);
    }
  }

  /** A statement and the {@code par} statement after it, run in parallel. */
  record Par(Stmt left, Stmt right, Pos pos) implements Stmt {}

  /** {@code co stmt}: run in the background while the rest of the body goes on. */
  record Co(Stmt body, Pos pos) implements Stmt {}

  /**
   * {@code name = (x: T) -> R:} runs where it is defined; {@code name = func (x: T) -> R:} is
   * {@code detached} and runs where it is called.
   */
  record Closure(Ident name, boolean detached, Signature signature, List<Stmt> body, Pos pos)
      implements Stmt {
    public Closure {
      body = List.copyOf(body);
    }
  }
}

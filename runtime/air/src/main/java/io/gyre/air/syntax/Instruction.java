package io.gyre.air.syntax;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One AIR instruction. {@code id} numbers the instructions of a script in source order (it names
 * the instruction in the particle data); {@code position} is its offset in the script text.
 */
public sealed interface Instruction {

  int id();

  int position();

  Kind kind();

  /** AquaVM's one-line printout, used in error objects' {@code instruction} field. */
  String text();

  /** The dispatch tag: the interpreter is a loop and a switch over it. */
  enum Kind {
    CALL,
    SEQ,
    PAR,
    XOR,
    NEW,
    FOLD,
    NEXT,
    MATCH,
    AP,
    AP_MAP,
    CANON,
    FAIL,
    NEVER,
    NULL
  }

  /** Where a call or ap puts its result: a scalar or a stream. */
  record Output(VariableKind kind, String name, int position) {
    public String text() {
      return name;
    }
  }

  /** {@code (call peer (service function) [args] output?)}. */
  record Call(
      int id,
      int position,
      Value peer,
      Value service,
      Value function,
      List<Value> args,
      Optional<Output> output)
      implements Instruction {
    public Call {
      args = List.copyOf(args);
    }

    @Override
    public Kind kind() {
      return Kind.CALL;
    }

    @Override
    public String text() {
      return "call "
          + peer.text()
          + " ("
          + service.text()
          + " "
          + function.text()
          + ") ["
          + args.stream().map(Value::text).collect(Collectors.joining(" "))
          + "] "
          + output.map(Output::text).orElse("");
    }
  }

  /** {@code (seq left right)}. */
  record Seq(int id, int position, Instruction left, Instruction right) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.SEQ;
    }

    @Override
    public String text() {
      return "seq";
    }
  }

  /** {@code (par left right)}. */
  record Par(int id, int position, Instruction left, Instruction right) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.PAR;
    }

    @Override
    public String text() {
      return "par";
    }
  }

  /** {@code (xor left right)}: right runs when left fails with a catchable error. */
  record Xor(int id, int position, Instruction left, Instruction right) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.XOR;
    }

    @Override
    public String text() {
      return "xor";
    }
  }

  /** {@code (new variable body)}: a fresh variable for the body. */
  record New(int id, int position, VariableKind variableKind, String name, Instruction body)
      implements Instruction {
    @Override
    public Kind kind() {
      return Kind.NEW;
    }

    @Override
    public String text() {
      return "new " + name;
    }
  }

  /**
   * {@code (fold iterable iterator body last?)}. The iterable is a scalar (with lens), {@code []},
   * a canon stream, a canon map (with lens), a stream, or a stream map.
   */
  record Fold(
      int id,
      int position,
      Value iterable,
      String iterator,
      Instruction body,
      Optional<Instruction> last,
      int end)
      implements Instruction {
    @Override
    public Kind kind() {
      return Kind.FOLD;
    }

    /** True for a fold over a stream or a stream map, which waits for more elements. */
    public boolean overStream() {
      return iterable instanceof Value.Variable v
          && (v.kind() == VariableKind.STREAM || v.kind() == VariableKind.STREAM_MAP);
    }

    @Override
    public String text() {
      return "fold " + iterable.text() + " " + iterator;
    }
  }

  /** {@code (next iterator)}. */
  record Next(int id, int position, String iterator) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.NEXT;
    }

    @Override
    public String text() {
      return "next " + iterator;
    }
  }

  /** {@code (match l r body)} or, with {@code equal} false, {@code (mismatch l r body)}. */
  record Match(int id, int position, boolean equal, Value left, Value right, Instruction body)
      implements Instruction {
    @Override
    public Kind kind() {
      return Kind.MATCH;
    }

    @Override
    public String text() {
      return (equal ? "match " : "mismatch ") + left.text() + " " + right.text();
    }
  }

  /** {@code (ap value result)}: result is a scalar or a stream. */
  record Ap(int id, int position, Value argument, Output result) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.AP;
    }

    @Override
    public String text() {
      return "ap " + argument.text() + " " + result.text();
    }
  }

  /** {@code (ap (key value) %map)}. */
  record ApMap(int id, int position, Value key, Value value, String map) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.AP_MAP;
    }

    @Override
    public String text() {
      return "ap (" + key.text() + " " + value.text() + ") " + map;
    }
  }

  /**
   * {@code (canon peer source target)}: a stream to a canon stream ({@code $s #c}), a stream map to
   * a canon map ({@code %m #%c}) or a stream map to a scalar object ({@code %m obj}).
   */
  record Canon(
      int id,
      int position,
      Value peer,
      VariableKind sourceKind,
      String source,
      VariableKind targetKind,
      String target)
      implements Instruction {
    @Override
    public Kind kind() {
      return Kind.CANON;
    }

    @Override
    public String text() {
      return "canon " + peer.text() + " " + source + " " + target;
    }
  }

  /** {@code (fail ...)}: raises a catchable error. */
  record Fail(int id, int position, FailForm form) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.FAIL;
    }

    @Override
    public String text() {
      return "fail " + form.text();
    }
  }

  /** What {@code fail} raises. */
  sealed interface FailForm {
    String text();
  }

  /** {@code (fail 7 "message")}. */
  record FailLiteral(long code, String message) implements FailForm {
    @Override
    public String text() {
      return code + " \"" + message + "\"";
    }
  }

  /** {@code (fail x)}, {@code (fail x.$.e)}, {@code (fail #c.$.[0])}: an error object. */
  record FailValue(Value.Variable value) implements FailForm {
    @Override
    public String text() {
      return value.text();
    }
  }

  /** {@code (fail %last_error%)}. */
  record FailLastError() implements FailForm {
    @Override
    public String text() {
      return "%last_error%";
    }
  }

  /** {@code (fail :error:)}: re-raises the error being handled. */
  record FailError() implements FailForm {
    @Override
    public String text() {
      return ":error:";
    }
  }

  /** {@code (never)}: never completes. */
  record Never(int id, int position) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.NEVER;
    }

    @Override
    public String text() {
      return "never";
    }
  }

  /** {@code (null)}: does nothing. */
  record Null(int id, int position) implements Instruction {
    @Override
    public Kind kind() {
      return Kind.NULL;
    }

    @Override
    public String text() {
      return "null";
    }
  }
}

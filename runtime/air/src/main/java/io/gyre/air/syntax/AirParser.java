package io.gyre.air.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Parses AIR text into an {@link AirScript}. The parser is iterative (an explicit stack of open
 * forms), so nesting depth is bounded by memory, not by the Java stack; {@link Validator} then
 * rejects undefined variables and iterators, as AquaVM does before running a script.
 */
public final class AirParser {

  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of(
          "call",
          "seq",
          "par",
          "xor",
          "new",
          "fold",
          "next",
          "match",
          "mismatch",
          "ap",
          "canon",
          "fail",
          "never",
          "null");

  private AirParser() {}

  /** Parses and validates; throws {@link AirSyntaxException} with line:col on bad input. */
  public static AirScript parse(String source) {
    List<Lexer.Token> tokens = Lexer.tokenize(source);
    Builder builder = new Builder(source);
    Instruction root = builder.run(tokens);
    Validator.validate(source, root, builder.ends);
    return new AirScript(source, root, builder.nextId);
  }

  /** A parenthesised or bracketed form being read, with the items read so far. */
  private static final class Form {
    final boolean bracket;
    final int start;
    final int id;
    final List<Item> items = new ArrayList<>(5);

    Form(boolean bracket, int start, int id) {
      this.bracket = bracket;
      this.start = start;
      this.id = id;
    }
  }

  /** One element of a form: a keyword, a value, an instruction, a tuple or a bracket list. */
  private record Item(Object content, int start, int end) {}

  private record Keyword(String word) {}

  private record Tuple(List<Item> items) {}

  private record BracketList(List<Item> items) {}

  private static final class Builder {
    private final String source;
    private int nextId;
    private int[] ends = new int[64];

    Builder(String source) {
      this.source = source;
    }

    Instruction run(List<Lexer.Token> tokens) {
      Deque<Form> stack = new ArrayDeque<>();
      Instruction root = null;
      for (Lexer.Token token : tokens) {
        switch (token.type()) {
          case OPEN -> stack.push(new Form(false, token.start(), nextId++));
          case OPEN_BRACKET -> stack.push(new Form(true, token.start(), -1));
          case CLOSE, CLOSE_BRACKET -> {
            boolean bracket = token.type() == Lexer.Type.CLOSE_BRACKET;
            if (stack.isEmpty()) {
              throw fail(token.start(), token.end(), "unexpected '" + token.text() + "'");
            }
            Form form = stack.pop();
            if (form.bracket != bracket) {
              throw fail(
                  token.start(), token.end(), "expected '" + (form.bracket ? "]" : ")") + "'");
            }
            Item item = close(form, token.end());
            if (stack.isEmpty()) {
              if (root != null || !(item.content() instanceof Instruction instruction)) {
                throw fail(item.start(), item.end(), "expected one instruction");
              }
              root = instruction;
            } else {
              stack.peek().items.add(item);
            }
          }
          case STRING -> add(stack, token, new Value.Literal(token.text()));
          case WORD -> {
            Form top = stack.peek();
            if (top != null
                && !top.bracket
                && top.items.isEmpty()
                && KEYWORDS.contains(token.text())) {
              top.items.add(new Item(new Keyword(token.text()), token.start(), token.end()));
            } else {
              add(stack, token, WordParser.parse(source, token));
            }
          }
          case END -> {
            if (!stack.isEmpty()) {
              Form open = stack.peek();
              throw fail(
                  open.start, source.length(), "unclosed '" + (open.bracket ? "[" : "(") + "'");
            }
            if (root == null) {
              throw fail(0, source.length(), "expected an instruction, the script is empty");
            }
          }
          default -> throw new IllegalStateException("unknown token " + token);
        }
        if (root != null && token.type() != Lexer.Type.END && token.type() != Lexer.Type.CLOSE) {
          throw fail(token.start(), token.end(), "expected nothing after the instruction");
        }
      }
      return root;
    }

    private void add(Deque<Form> stack, Lexer.Token token, Value value) {
      if (stack.isEmpty()) {
        throw fail(token.start(), token.end(), "expected '('");
      }
      stack.peek().items.add(new Item(value, token.start(), token.end()));
    }

    private Item close(Form form, int end) {
      if (form.bracket) {
        return new Item(new BracketList(form.items), form.start, end);
      }
      if (form.items.isEmpty() || !(form.items.get(0).content() instanceof Keyword keyword)) {
        return new Item(new Tuple(form.items), form.start, end);
      }
      if (form.id >= ends.length) {
        ends = java.util.Arrays.copyOf(ends, Math.max(form.id + 1, ends.length * 2));
      }
      ends[form.id] = end;
      return new Item(instruction(form, keyword.word(), end), form.start, end);
    }

    private Instruction instruction(Form form, String keyword, int end) {
      List<Item> items = form.items.subList(1, form.items.size());
      int id = form.id;
      int at = form.start;
      return switch (keyword) {
        case "call" -> call(items, id, at, end);
        case "seq" -> {
          arity(items, 2, at, end, "seq takes two instructions");
          yield new Instruction.Seq(id, at, instr(items.get(0)), instr(items.get(1)));
        }
        case "par" -> {
          arity(items, 2, at, end, "par takes two instructions");
          yield new Instruction.Par(id, at, instr(items.get(0)), instr(items.get(1)));
        }
        case "xor" -> {
          arity(items, 2, at, end, "xor takes two instructions");
          yield new Instruction.Xor(id, at, instr(items.get(0)), instr(items.get(1)));
        }
        case "new" -> {
          arity(items, 2, at, end, "new takes a variable and an instruction");
          Value.Variable variable = plainVariable(items.get(0), "a variable");
          yield new Instruction.New(id, at, variable.kind(), variable.name(), instr(items.get(1)));
        }
        case "fold" -> fold(items, id, at, end);
        case "next" -> {
          arity(items, 1, at, end, "next takes an iterator");
          yield new Instruction.Next(id, at, scalarName(items.get(0)));
        }
        case "match", "mismatch" -> {
          arity(items, 3, at, end, keyword + " takes two values and an instruction");
          yield new Instruction.Match(
              id,
              at,
              keyword.equals("match"),
              argument(items.get(0)),
              argument(items.get(1)),
              instr(items.get(2)));
        }
        case "ap" -> ap(items, id, at, end);
        case "canon" -> canon(items, id, at, end);
        case "fail" -> new Instruction.Fail(id, at, failForm(items, at, end));
        case "never" -> {
          arity(items, 0, at, end, "never takes no arguments");
          yield new Instruction.Never(id, at);
        }
        case "null" -> {
          arity(items, 0, at, end, "null takes no arguments");
          yield new Instruction.Null(id, at);
        }
        default ->
            throw fail(at + 1, at + 1 + keyword.length(), "unknown instruction '" + keyword + "'");
      };
    }

    private Instruction call(List<Item> items, int id, int at, int end) {
      if (items.size() < 3 || items.size() > 4) {
        throw fail(
            at, end, "call takes a peer, (service function), [arguments] and an optional output");
      }
      Value peer = triplet(items.get(0));
      if (!(items.get(1).content() instanceof Tuple tuple) || tuple.items().size() != 2) {
        throw fail(
            items.get(1).start(), items.get(1).end(), "expected \"(\" service function \")\"");
      }
      Value service = triplet(tuple.items().get(0));
      Value function = triplet(tuple.items().get(1));
      if (!(items.get(2).content() instanceof BracketList list)) {
        throw fail(items.get(2).start(), items.get(2).end(), "expected \"[\" arguments \"]\"");
      }
      List<Value> args = new ArrayList<>(list.items().size());
      for (Item arg : list.items()) {
        args.add(callArgument(arg));
      }
      Optional<Instruction.Output> output =
          items.size() == 4 ? Optional.of(output(items.get(3))) : Optional.empty();
      return new Instruction.Call(id, at, peer, service, function, args, output);
    }

    private Instruction fold(List<Item> items, int id, int at, int end) {
      if (items.size() < 3 || items.size() > 4) {
        throw fail(
            at,
            end,
            "fold takes an iterable, an iterator, an instruction and an optional last instruction");
      }
      Item iterableItem = items.get(0);
      Value iterable = value(iterableItem);
      boolean ok =
          iterable instanceof Value.EmptyArray
              || (iterable instanceof Value.Variable v
                  && (v.kind() == VariableKind.SCALAR
                      || v.kind() == VariableKind.CANON_MAP
                      || ((v.kind() == VariableKind.STREAM
                              || v.kind() == VariableKind.STREAM_MAP
                              || v.kind() == VariableKind.CANON_STREAM)
                          && v.lens() instanceof Lens.None)));
      if (!ok) {
        throw fail(
            iterableItem.start(),
            iterableItem.end(),
            "expected a foldable value: a scalar, [], a stream, a stream map, a canon stream or a canon map");
      }
      String iterator = scalarName(items.get(1));
      Optional<Instruction> last =
          items.size() == 4 ? Optional.of(instr(items.get(3))) : Optional.empty();
      return new Instruction.Fold(id, at, iterable, iterator, instr(items.get(2)), last, end);
    }

    private Instruction ap(List<Item> items, int id, int at, int end) {
      arity(items, 2, at, end, "ap takes a value and a result variable");
      Item first = items.get(0);
      if (first.content() instanceof Tuple tuple) {
        if (tuple.items().size() != 2) {
          throw fail(first.start(), first.end(), "expected (key value)");
        }
        Value.Variable map = plainVariable(items.get(1), "a stream map");
        if (map.kind() != VariableKind.STREAM_MAP) {
          throw fail(items.get(1).start(), items.get(1).end(), "expected a stream map (%name)");
        }
        return new Instruction.ApMap(
            id, at, apArgument(tuple.items().get(0)), apArgument(tuple.items().get(1)), map.name());
      }
      return new Instruction.Ap(id, at, apArgument(first), output(items.get(1)));
    }

    private Instruction canon(List<Item> items, int id, int at, int end) {
      arity(items, 3, at, end, "canon takes a peer, a stream and a canon stream");
      Value peer = triplet(items.get(0));
      Value.Variable source = plainVariable(items.get(1), "a stream or a stream map");
      Value.Variable target = plainVariable(items.get(2), "a canon stream or a scalar");
      boolean streamToCanon =
          source.kind() == VariableKind.STREAM && target.kind() == VariableKind.CANON_STREAM;
      boolean mapToCanon =
          source.kind() == VariableKind.STREAM_MAP
              && (target.kind() == VariableKind.CANON_MAP || target.kind() == VariableKind.SCALAR);
      if (!streamToCanon && !mapToCanon) {
        throw fail(
            items.get(1).start(),
            items.get(2).end(),
            "canon takes $stream #canon, %map #%canon or %map scalar");
      }
      return new Instruction.Canon(
          id, at, peer, source.kind(), source.name(), target.kind(), target.name());
    }

    private Instruction.FailForm failForm(List<Item> items, int at, int end) {
      if (items.size() == 2
          && items.get(0).content() instanceof Value.IntNumber code
          && items.get(1).content() instanceof Value.Literal message) {
        return new Instruction.FailLiteral(code.value(), message.value());
      }
      if (items.size() == 1) {
        Object content = items.get(0).content();
        if (content instanceof Value.ErrorRef ref && ref.lens() instanceof Lens.None) {
          return ref.lastError() ? new Instruction.FailLastError() : new Instruction.FailError();
        }
        if (content instanceof Value.Variable v
            && (v.kind() == VariableKind.SCALAR
                || (v.kind() == VariableKind.CANON_STREAM && !(v.lens() instanceof Lens.None)))) {
          return new Instruction.FailValue(v);
        }
      }
      throw fail(
          at, end, "fail takes an error code and a message, a scalar, %last_error% or :error:");
    }

    private Instruction instr(Item item) {
      if (item.content() instanceof Instruction instruction) {
        return instruction;
      }
      if (item.content() instanceof Tuple tuple
          && !tuple.items().isEmpty()
          && tuple.items().get(0).content() instanceof Value.Variable word
          && word.kind() == VariableKind.SCALAR) {
        Item first = tuple.items().get(0);
        throw fail(first.start(), first.end(), "unknown instruction '" + word.name() + "'");
      }
      throw fail(item.start(), item.end(), "expected an instruction");
    }

    private Value value(Item item) {
      Object content = item.content();
      if (content instanceof Value value) {
        return value;
      }
      if (content instanceof BracketList list && list.items().isEmpty()) {
        return new Value.EmptyArray();
      }
      throw fail(item.start(), item.end(), "expected a value");
    }

    /** A value allowed as a call argument or a match operand: no streams or stream maps. */
    private Value callArgument(Item item) {
      Value value = value(item);
      if (value instanceof Value.Variable v
          && (v.kind() == VariableKind.STREAM || v.kind() == VariableKind.STREAM_MAP)) {
        throw fail(item.start(), item.end(), "a stream cannot be used here, canonicalize it first");
      }
      return value;
    }

    private Value argument(Item item) {
      return callArgument(item);
    }

    /** A value allowed as an ap argument: like a call argument, minus a bare canon map. */
    private Value apArgument(Item item) {
      Value value = callArgument(item);
      if (value instanceof Value.Variable v
          && v.kind() == VariableKind.CANON_MAP
          && v.lens() instanceof Lens.None) {
        throw fail(item.start(), item.end(), "a canon map cannot be used here without a lens");
      }
      return value;
    }

    /** A peer id, service id or function name: a literal, %init_peer_id% or a variable. */
    private Value triplet(Item item) {
      Value value = value(item);
      boolean ok =
          value instanceof Value.Literal
              || value instanceof Value.InitPeerId
              || (value instanceof Value.Variable v
                  && (v.kind() == VariableKind.SCALAR
                      || ((v.kind() == VariableKind.CANON_STREAM
                              || v.kind() == VariableKind.CANON_MAP)
                          && !(v.lens() instanceof Lens.None))));
      if (!ok) {
        throw fail(item.start(), item.end(), "expected a literal, %init_peer_id% or a scalar");
      }
      return value;
    }

    private Instruction.Output output(Item item) {
      Value.Variable v = plainVariable(item, "a scalar or a stream");
      if (v.kind() != VariableKind.SCALAR && v.kind() != VariableKind.STREAM) {
        throw fail(item.start(), item.end(), "expected a scalar or a stream");
      }
      return new Instruction.Output(v.kind(), v.name(), item.start());
    }

    private Value.Variable plainVariable(Item item, String what) {
      if (item.content() instanceof Value.Variable v && v.lens() instanceof Lens.None) {
        return v;
      }
      throw fail(item.start(), item.end(), "expected " + what);
    }

    private String scalarName(Item item) {
      Value.Variable v = plainVariable(item, "a scalar name");
      if (v.kind() != VariableKind.SCALAR) {
        throw fail(item.start(), item.end(), "expected a scalar name");
      }
      return v.name();
    }

    private void arity(List<Item> items, int n, int at, int end, String message) {
      if (items.size() != n) {
        throw fail(at, end, message);
      }
    }

    private AirSyntaxException fail(int start, int end, String reason) {
      return AirSyntaxException.at(source, start, end, reason);
    }
  }
}

package io.gyre.air.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AirParserTest {

  static Stream<ConformanceCase> corpus() {
    return ConformanceCases.load().stream().filter(ConformanceCase::runnable);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void parsesEveryScriptOfTheRealCompiler(ConformanceCase kase) {
    AirScript script = AirParser.parse(kase.json().get("air").asText());
    assertInstanceOf(Instruction.Xor.class, script.root(), "compiled functions are wrapped in xor");
    assertTrue(AstPrinter.print(script).contains("errorHandlingSrv"));
  }

  @Test
  void readsEveryInstructionForm() {
    String air =
        """
        (seq
         (seq
          (new %m (seq (ap ("k" 1) %m) (seq (canon %init_peer_id% %m #%c) (canon %init_peer_id% %m obj))))
          (seq (ap #%c.$.k x) (ap :error:.$.message y)))
         (seq
          (fold #%c i (seq (call "p" ("s" "f") [i]) (next i)) (never))
          (seq (call "p" ("s" "f") [%ttl% %timestamp% -1.5 true false [] x.$.[0].b! y.length #%c.length %last_error%.$.error_code] $out)
           (seq (xor (match x 1 (null)) (mismatch x "s" (fail 7 "msg")))
            (seq (new $s (canon "p" $s #$cs)) (xor (fail obj) (fail :error:)))))))
        """;
    AirScript script = AirParser.parse(air);
    String tree = AstPrinter.print(script);
    assertTrue(tree.contains("ap (\"k\" 1) %m"), tree);
    assertTrue(tree.contains("canon %init_peer_id% %m obj"), tree);
    assertTrue(tree.contains("x.$.[0].b"), tree);
    assertTrue(tree.contains("fail 7 \"msg\""), tree);
    assertTrue(tree.contains("last: never"), tree);
    Instruction.Seq root = (Instruction.Seq) script.root();
    Instruction.Seq right = (Instruction.Seq) root.right();
    Instruction.Seq callSeq = (Instruction.Seq) right.right();
    Instruction.Call call = (Instruction.Call) callSeq.left();
    List<Value> args = call.args();
    assertEquals(new Value.Ttl(), args.get(0));
    assertEquals(-1.5, ((Value.FloatNumber) args.get(2)).value());
    assertEquals(new Value.EmptyArray(), args.get(5));
    assertInstanceOf(Lens.Length.class, ((Value.Variable) args.get(7)).lens());
    assertEquals(VariableKind.CANON_MAP, ((Value.Variable) args.get(8)).kind());
    assertEquals(
        new Value.ErrorRef(true, new Lens.Path(List.of(new Lens.Field("error_code")))),
        args.get(9));
    assertEquals(VariableKind.STREAM, call.output().orElseThrow().kind());
  }

  @Test
  void variableIndexInsideALensIsPartOfTheWord() {
    AirScript script =
        AirParser.parse(
            "(seq (seq (call \"p\" (\"s\" \"f\") [] t) (ap 0 i)) (ap t.$.root.[i].label x))");
    assertTrue(AstPrinter.print(script).contains("ap t.$.root.[i].label x"));
  }

  @Test
  void serviceIdFromAVariableIsNotAKeyword() {
    AirScript script =
        AirParser.parse("(seq (ap \"id\" -id-) (call %init_peer_id% (-id- \"greet\") []))");
    Instruction.Call call = (Instruction.Call) ((Instruction.Seq) script.root()).right();
    assertEquals("-id-", ((Value.Variable) call.service()).name());
  }

  @Test
  void undefinedVariableIsRejectedWithItsPlace() {
    AirSyntaxException e =
        assertThrows(
            AirSyntaxException.class,
            () -> AirParser.parse("(seq\n  (call \"p\" (\"s\" \"f\") [x])\n  (ap 1 x))"));
    assertEquals(2, e.line());
    assertEquals(3, e.column());
    assertEquals("variable 'x' wasn't defined", e.reason());
    assertTrue(e.offendingText().startsWith("(call \"p\""));
  }

  @Test
  void undefinedIteratorAndDuplicateIteratorAreRejected() {
    assertEquals(
        "iterable 'i' wasn't defined",
        assertThrows(
                AirSyntaxException.class,
                () -> AirParser.parse("(seq (fold [] i (null)) (next i))"))
            .reason());
    assertEquals(
        "multiple iterable values found for iterator name 'i'",
        assertThrows(
                AirSyntaxException.class, () -> AirParser.parse("(fold [] i (fold [] i (next i)))"))
            .reason());
  }

  @Test
  void undefinedCanonStreamIsRejected() {
    assertEquals(
        "variable '#c' wasn't defined",
        assertThrows(
                AirSyntaxException.class, () -> AirParser.parse("(call \"p\" (\"s\" \"f\") [#c])"))
            .reason());
  }

  @Test
  void syntaxErrorsNameLineColumnAndText() {
    AirSyntaxException unknown =
        assertThrows(AirSyntaxException.class, () -> AirParser.parse("(seq\n (nul)\n (null))"));
    assertEquals(2, unknown.line());
    assertEquals(3, unknown.column());
    assertTrue(unknown.reason().contains("unknown instruction 'nul'"));

    AirSyntaxException unclosed =
        assertThrows(AirSyntaxException.class, () -> AirParser.parse("(seq (null) (null)"));
    assertTrue(unclosed.reason().contains("unclosed '('"));

    AirSyntaxException trailing =
        assertThrows(AirSyntaxException.class, () -> AirParser.parse("(null) (null)"));
    assertEquals(8, trailing.column());

    AirSyntaxException stream =
        assertThrows(
            AirSyntaxException.class, () -> AirParser.parse("(call \"p\" (\"s\" \"f\") [$s])"));
    assertEquals(22, stream.column());
    assertEquals("$s", stream.offendingText());

    AirSyntaxException bigFloat =
        assertThrows(
            AirSyntaxException.class,
            () -> AirParser.parse("(call \"p\" (\"s\" \"f\") [123456789012.5])"));
    assertTrue(bigFloat.reason().contains("float is too big"));

    assertThrows(AirSyntaxException.class, () -> AirParser.parse(""));
    assertThrows(AirSyntaxException.class, () -> AirParser.parse("(call \"p\" \"f\" [])"));
    assertThrows(AirSyntaxException.class, () -> AirParser.parse("(ap 1 x.$.a)"));
    assertThrows(
        AirSyntaxException.class, () -> AirParser.parse("(call \"p\" (\"s\" \"f\") [\"unclosed])"));
  }

  @Test
  void commentsAreIgnored() {
    AirScript script = AirParser.parse(";; a comment\n(null) ;; another");
    assertInstanceOf(Instruction.Null.class, script.root());
  }

  @Test
  void deepNestingParsesValidatesAndPrintsWithoutStackOverflow() {
    int depth = 100_000;
    StringBuilder air = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      air.append("(seq (null) ");
    }
    air.append("(null)");
    air.append(")".repeat(depth));
    AirScript script = AirParser.parse(air.toString());
    assertEquals(2 * depth + 1, AstPrinter.print(script).lines().count());
  }

  @Test
  void parseCacheReturnsTheSameScriptForTheSameText() {
    ParseCache cache = new ParseCache(2);
    AirScript first = cache.parse("(null)");
    assertTrue(first == cache.parse(new String("(null)".toCharArray())));
    cache.parse("(never)");
    cache.parse("(seq (null) (null))");
    assertTrue(first != cache.parse("(null)"), "evicted past capacity");
  }
}

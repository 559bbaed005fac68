package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of compile error: each is reported at {@code file:line:col} with the source
 * line and a caret under the offending text, in Gyre's own words.
 */
class CompileErrorsTest {
  private static final String HEAD = "aqua Test declares *\n\nexport main\n\n";
  private static final int ANY_COLUMN = -1;
  private static final String SERVICE = "service Srv(\"srv\"):\n    get(k: string) -> string\n\n";

  @Test
  void syntaxError() {
    assertError(
        HEAD + "func main( -> string:\n    <- \"x\"\n", 5, 12, "syntax error: unexpected '->'");
  }

  @Test
  void unclosedParenthesisIsReportedWhereTheLineEnds() {
    assertError(
        HEAD + SERVICE + "func main() -> string:\n    r <- Srv.get(\"a\"\n    <- r\n",
        9,
        21,
        "syntax error: unexpected end of line, expected");
  }

  @Test
  void inconsistentIndentation() {
    assertError(
        HEAD + SERVICE + "func main():\n    a <- Srv.get(\"a\")\n      b <- Srv.get(\"b\")\n",
        10,
        1,
        "inconsistent indentation");
  }

  @Test
  void dedentToNoBlock() {
    assertError(
        HEAD
            + SERVICE
            + "func main():\n    if true:\n        a <- Srv.get(\"a\")\n      b <- Srv.get(\"b\")\n",
        11,
        1,
        "lines up with no enclosing block");
  }

  @Test
  void missingIndentedBlock() {
    assertError(
        HEAD + SERVICE + "func main():\n    if true:\n    a <- Srv.get(\"a\")\n",
        10,
        5,
        "expected an indented block");
  }

  @Test
  void unknownName() {
    assertError(
        HEAD + SERVICE + "func main(name: string) -> string:\n    r <- Srv.get(nmae)\n    <- r\n",
        9,
        18,
        "unknown name 'nmae'; did you mean 'name'?");
  }

  @Test
  void unknownFunction() {
    assertError(
        HEAD + "func main() -> string:\n    r <- helper()\n    <- r\n",
        6,
        10,
        "unknown function 'helper'");
  }

  @Test
  void unknownServiceFunction() {
    assertError(
        HEAD + SERVICE + "func main() -> string:\n    r <- Srv.put(\"a\")\n    <- r\n",
        9,
        14,
        "service Srv has no function 'put'");
  }

  @Test
  void unknownType() {
    assertError(
        HEAD + "func main(p: PeerId) -> string:\n    <- p\n", 5, 14, "unknown type 'PeerId'");
  }

  @Test
  void typeMismatchInOperator() {
    assertError(
        HEAD + "func main(s: string) -> string:\n    loud = s + \"!\"\n    <- loud\n",
        6,
        12,
        "type mismatch: expected one of u8");
  }

  @Test
  void typeMismatchInArgument() {
    assertError(
        HEAD + SERVICE + "func main(n: u32) -> string:\n    r <- Srv.get(n)\n    <- r\n",
        9,
        18,
        "type mismatch: expected string, given u32");
  }

  @Test
  void wrongNumberOfArguments() {
    assertError(
        HEAD + SERVICE + "func main() -> string:\n    r <- Srv.get(\"a\", \"b\")\n    <- r\n",
        9,
        14,
        "wrong number of arguments: 'get' takes 1, given 2");
  }

  @Test
  void missingStructField() {
    assertError(
        HEAD
            + "data P:\n    a: string\n    b: u32\n\nfunc main() -> P:\n    p = P(a = \"x\")\n    <- p\n",
        10,
        9,
        "missing field 'b' of P");
  }

  @Test
  void unknownField() {
    assertError(
        HEAD + "data P:\n    a: string\n\nfunc main(p: P) -> string:\n    <- p.b\n",
        9,
        10,
        "data P has no field 'b'");
  }

  @Test
  void wrongReturnCount() {
    assertError(
        HEAD + "func main() -> string, string:\n    <- \"a\"\n",
        6,
        5,
        "the function returns 2 values, given 1");
  }

  @Test
  void wrongReturnType() {
    assertError(
        HEAD + "func main() -> u32:\n    <- \"a\"\n",
        6,
        8,
        "wrong value type: expected u32, given string literal");
  }

  @Test
  void missingReturn() {
    assertError(HEAD + "func main() -> u32:\n    x = 1\n", 5, 6, "missing '<-'");
  }

  @Test
  void returnNotLast() {
    assertError(
        HEAD + "func main() -> u32:\n    <- 1\n    x = 2\n", 6, 5, "must be its last statement");
  }

  @Test
  void unknownImport() {
    assertError(
        HEAD + "import \"./no-such-module.aqua\"\n\nfunc main() -> string:\n    <- \"x\"\n",
        5,
        8,
        "cannot resolve import \"./no-such-module.aqua\"");
  }

  @Test
  void duplicateDefinition() {
    assertError(
        HEAD
            + "data P:\n    a: string\n\ndata P:\n    b: u32\n\nfunc main() -> string:\n    <- \"x\"\n",
        8,
        6,
        "'P' is already defined at line 5");
  }

  @Test
  void nameDefinedTwice() {
    assertError(
        HEAD + "func main() -> string:\n    x = \"a\"\n    x = \"b\"\n    <- x\n",
        7,
        5,
        "'x' is already defined in this scope");
  }

  @Test
  void pushIntoNonStream() {
    assertError(
        HEAD + "func main() -> string:\n    x = \"a\"\n    x <<- \"b\"\n    <- x\n",
        7,
        5,
        "'<<-' pushes into a stream");
  }

  @Test
  void streamDeclarationOfNonStream() {
    assertError(
        HEAD + "func main() -> string:\n    x: string\n    <- x\n", 6, 8, "expected a stream type");
  }

  @Test
  void conditionMustBeBool() {
    assertError(
        HEAD + "func main(n: u32) -> u32:\n    if n:\n        x = 1\n    <- n\n",
        6,
        8,
        "type mismatch: expected bool, given u32");
  }

  @Test
  void elseWithoutIf() {
    assertError(
        HEAD + "func main() -> u32:\n    x = 1\n    else:\n        y = 2\n    <- x\n",
        7,
        5,
        "'else' must follow an 'if' block");
  }

  @Test
  void serviceWithoutId() {
    assertError(
        HEAD
            + "service NoId:\n    get() -> string\n\nfunc main() -> string:\n    r <- NoId.get()\n    <- r\n",
        5,
        9,
        "service NoId has no default id");
  }

  @Test
  void callingANonFunction() {
    assertError(
        HEAD + "func main(count: u32) -> u32:\n    r <- count(5)\n    <- r\n",
        6,
        10,
        "'count' is not a function");
  }

  @Test
  void importOfAnUndeclaredName() {
    assertError(
        HEAD
            + "import NoSuchThing from \"@fluencelabs/aqua-lib/builtin.aqua\"\n\nfunc main() -> string:\n    <- \"x\"\n",
        5,
        8,
        "'NoSuchThing' is not declared by module Builtin");
  }

  @Test
  void theLaterOfTwoClashingImportsWins() {
    // workers.aqua declares service Worker, subnet.aqua data Worker: the data type wins.
    assertError(
        HEAD
            + "import \"@fluencelabs/aqua-lib/workers.aqua\"\nimport \"@fluencelabs/aqua-lib/subnet.aqua\"\n\nfunc main() -> []string:\n    l <- Worker.list()\n    <- l\n",
        9,
        10,
        "'Worker' is a type, not a value");
  }

  @Test
  void tooDeeplyNested() {
    String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    assertError(
        HEAD + "func main() -> u32:\n    <- " + deep + "\n", 6, ANY_COLUMN, "too deeply nested");
  }

  @Test
  void severalErrorsAreReportedTogether() {
    List<Diagnostic> errors =
        errors(
            HEAD
                + SERVICE
                + "func main() -> string:\n    a <- Srv.get(x1)\n    b <- Srv.get(x2)\n    <- \"z\"\n");
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(9, errors.get(0).pos().line());
    assertEquals(10, errors.get(1).pos().line());
  }

  // ---------------------------------------------------------------- helpers

  private static void assertError(String source, int line, int column, String message) {
    List<Diagnostic> errors = errors(source);
    Diagnostic first = errors.get(0);
    String rendered = first.render();
    assertTrue(first.message().contains(message), () -> "message: " + rendered);
    assertEquals(line, first.pos().line(), () -> "line: " + rendered);
    if (column == ANY_COLUMN) {
      column = first.pos().column();
    }
    assertEquals(column, first.pos().column(), () -> "column: " + rendered);
    String[] lines = rendered.split("\n");
    assertTrue(lines[0].startsWith("main.aqua:" + line + ":" + column + ": error: "), rendered);
    String gutter = line + " | ";
    assertEquals(gutter + sourceLine(source, line), lines[1], rendered);
    assertEquals(gutter.length() + column - 1, lines[2].indexOf('^'), () -> "caret: " + rendered);
  }

  private static String sourceLine(String source, int line) {
    return source.split("\n", -1)[line - 1];
  }

  private static List<Diagnostic> errors(String source) {
    try {
      Compile.compiler().compile(List.of(Compile.text("main.aqua", source)));
    } catch (CompileException e) {
      return e.diagnostics();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return fail("compiled without errors:\n" + source);
  }
}

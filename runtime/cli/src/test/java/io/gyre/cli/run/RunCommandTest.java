package io.gyre.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.GyreCommand;
import io.gyre.node.GyreNode;
import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `gyre run` against a real peer: compile, bind arguments, run through its HTTP API, report. */
class RunCommandTest {
  private static final String SOURCE =
      """
      aqua Sample

      export hello, sum, onPeer, maybe, broken, noResult

      service Op("op"):
        concat_strings(a: string, b: string) -> string
        identity(x: ?string) -> ?string

      service Math("math"):
        add(a: i64, b: i64) -> i64

      service Missing("no-such-service"):
        nothing() -> string

      func hello(name: string) -> string:
        s <- Op.concat_strings("Hello, ", name)
        <- s

      func sum(a: i64, b: i64) -> i64:
        s <- Math.add(a, b)
        <- s

      func onPeer(peer: string, name: string) -> string:
        on peer:
          s <- Op.concat_strings("from the peer: ", name)
        <- s

      func maybe(x: ?string) -> ?string:
        y <- Op.identity(x)
        <- y

      func broken() -> string:
        s <- Missing.nothing()
        <- s

      func noResult(name: string):
        Op.concat_strings("ignored ", name)
      """;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path dir;
  private static GyreNode node;
  private static String url;
  private static Path file;

  @BeforeAll
  static void startPeer() throws Exception {
    node =
        GyreNode.start(
            NodeSettings.from(
                NodeConfigLoader.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of(
                        "gyre.node.data-dir", dir.resolve("peer").toString(),
                        "gyre.node.cluster-port", "0",
                        "gyre.node.http.port", "0"))));
    url = "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort();
    file = dir.resolve("sample.aqua");
    Files.writeString(file, SOURCE);
  }

  @AfterAll
  static void stopPeer() {
    node.close();
  }

  private record Outcome(int code, String out, String err) {
    JsonNode json() throws Exception {
      return MAPPER.readTree(out);
    }
  }

  private static Outcome run(String... args) {
    CommandLine cli = GyreCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void argumentsByNameOrInOrderReachTheFunction() throws Exception {
    Outcome byName =
        run(file.toString(), "-f", "hello", "--args", "{\"name\": \"Ada\"}", "--peer", url);
    assertEquals(0, byName.code(), byName.err());
    assertEquals("Hello, Ada", byName.json().asText());

    Outcome inOrder = run(file.toString(), "-f", "sum", "--args", "[40, 2]", "--peer", url);
    assertEquals(0, inOrder.code(), inOrder.err());
    assertEquals(42, inOrder.json().asLong());
  }

  @Test
  void theFunctionHopsToTheNamedPeer() throws Exception {
    String peerId = node.peerId().base58();
    Outcome outcome =
        run(
            file.toString(),
            "-f",
            "onPeer",
            "--args",
            "{\"peer\": \"" + peerId + "\", \"name\": \"x\"}",
            "--peer",
            url);
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals("from the peer: x", outcome.json().asText());
    assertTrue(outcome.err().contains("particle "), outcome.err());
  }

  @Test
  void optionsTakeNullOrAValue() throws Exception {
    Outcome some = run(file.toString(), "-f", "maybe", "--args", "{\"x\": \"v\"}", "--peer", url);
    assertEquals(0, some.code(), some.err());
    assertEquals("[\"v\"]", some.json().toString());
    Outcome none = run(file.toString(), "-f", "maybe", "--args", "{}", "--peer", url);
    assertEquals(0, none.code(), none.err());
    assertEquals("[]", none.json().toString());
  }

  @Test
  void aFunctionWithoutResultsIsSentAndSucceeds() {
    Outcome outcome = run(file.toString(), "-f", "noResult", "--args", "[\"n\"]", "--peer", url);
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void aScriptErrorIsReportedAndExitsOne() {
    Outcome outcome = run(file.toString(), "-f", "broken", "--peer", url);
    assertEquals(1, outcome.code());
    assertTrue(outcome.err().contains("no-such-service"), outcome.err());
  }

  @Test
  void badArgumentsAreNamedBeforeAnythingRuns() {
    Outcome missing = run(file.toString(), "-f", "sum", "--args", "{\"a\": 1}", "--peer", url);
    assertEquals(2, missing.code());
    assertTrue(
        missing.err().contains("argument 'b' (i64) of sum is missing from --args"), missing.err());

    Outcome unknown =
        run(file.toString(), "-f", "hello", "--args", "{\"nom\": \"x\"}", "--peer", url);
    assertEquals(2, unknown.code());
    assertTrue(
        unknown.err().contains("hello has no argument 'nom'; its arguments: name: string"),
        unknown.err());

    Outcome count = run(file.toString(), "-f", "sum", "--args", "[1]", "--peer", url);
    assertEquals(2, count.code());
    assertTrue(count.err().contains("sum takes 2 arguments (a: i64, b: i64), --args has 1"));

    Outcome notJson = run(file.toString(), "-f", "sum", "--args", "{a: 1", "--peer", url);
    assertEquals(2, notJson.code());
    assertTrue(notJson.err().contains("--args is not JSON"), notJson.err());
  }

  @Test
  void anUnknownFunctionListsTheExportedOnes() {
    Outcome outcome = run(file.toString(), "-f", "nope", "--peer", url);
    assertEquals(1, outcome.code());
    assertTrue(outcome.err().contains("no exported function 'nope'; exported: hello, sum"));
  }

  @Test
  void compileErrorsNameTheirPlace() throws Exception {
    Path bad = dir.resolve("bad.aqua");
    Files.writeString(bad, "aqua Bad\n\nfunc f() -> string:\n  <- undefinedName\n");
    Outcome outcome = run(bad.toString(), "-f", "f", "--peer", url);
    assertEquals(1, outcome.code());
    assertTrue(outcome.err().contains("bad.aqua:4:6"), outcome.err());
  }

  @Test
  void anUnreachablePeerIsNamed() {
    Outcome outcome =
        run(file.toString(), "-f", "hello", "--args", "[\"x\"]", "--peer", "http://127.0.0.1:1");
    assertEquals(1, outcome.code());
    assertTrue(
        outcome.err().contains("cannot connect to the peer at http://127.0.0.1:1"), outcome.err());
  }
}

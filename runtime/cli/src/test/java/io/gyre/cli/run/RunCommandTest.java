package io.gyre.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.GyreRun;
import io.gyre.cli.TestPeer;
import io.gyre.identity.files.KeySource;
import io.gyre.identity.files.PeerKeys;
import io.gyre.node.GyreNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

      export hello, sum, onPeer, maybe, broken, noResult, brokenNoResult, whoCalls

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

      func brokenNoResult():
        Missing.nothing()

      func whoCalls(peer: string) -> string:
        on peer:
          s <- Op.concat_strings("called by ", INIT_PEER_ID)
        <- s
      """;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path dir;
  private static GyreNode node;
  private static String url;
  private static Path file;

  @BeforeAll
  static void startPeer() throws Exception {
    TestPeer peer = TestPeer.start(dir.resolve("peer"));
    node = peer.node();
    url = peer.url();
    file = dir.resolve("sample.aqua");
    Files.writeString(file, SOURCE);
  }

  @AfterAll
  static void stopPeer() {
    node.close();
  }

  private static GyreRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    // The peer's token, from its data directory.
    all.addAll(List.of("--data-dir", dir.resolve("peer").toString()));
    return GyreRun.gyre(all.toArray(String[]::new));
  }

  @Test
  void argumentsByNameOrInOrderReachTheFunction() throws Exception {
    GyreRun byName =
        run(file.toString(), "-f", "hello", "--args", "{\"name\": \"Ada\"}", "--peer", url);
    assertEquals(0, byName.exitCode(), byName.err());
    assertEquals("Hello, Ada", MAPPER.readTree(byName.out()).asText());

    GyreRun inOrder = run(file.toString(), "-f", "sum", "--args", "[40, 2]", "--peer", url);
    assertEquals(0, inOrder.exitCode(), inOrder.err());
    assertEquals(42, MAPPER.readTree(inOrder.out()).asLong());
  }

  @Test
  void theFunctionHopsToTheNamedPeer() throws Exception {
    String peerId = node.peerId().base58();
    GyreRun outcome =
        run(
            file.toString(),
            "-f",
            "onPeer",
            "--args",
            "{\"peer\": \"" + peerId + "\", \"name\": \"x\"}",
            "--peer",
            url);
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals("from the peer: x", MAPPER.readTree(outcome.out()).asText());
    assertTrue(outcome.err().contains("particle "), outcome.err());
  }

  @Test
  void optionsTakeNullOrAValue() throws Exception {
    GyreRun some = run(file.toString(), "-f", "maybe", "--args", "{\"x\": \"v\"}", "--peer", url);
    assertEquals(0, some.exitCode(), some.err());
    assertEquals("[\"v\"]", MAPPER.readTree(some.out()).toString());
    GyreRun none = run(file.toString(), "-f", "maybe", "--args", "{}", "--peer", url);
    assertEquals(0, none.exitCode(), none.err());
    assertEquals("[]", MAPPER.readTree(none.out()).toString());
  }

  @Test
  void aFunctionWithoutResultsIsSentAndSucceeds() {
    GyreRun outcome = run(file.toString(), "-f", "noResult", "--args", "[\"n\"]", "--peer", url);
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void aScriptErrorIsReportedAndExitsOne() {
    GyreRun outcome = run(file.toString(), "-f", "broken", "--peer", url);
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.err().contains("no-such-service"), outcome.err());
  }

  @Test
  void badArgumentsAreNamedBeforeAnythingRuns() {
    GyreRun missing = run(file.toString(), "-f", "sum", "--args", "{\"a\": 1}", "--peer", url);
    assertEquals(2, missing.exitCode());
    assertTrue(
        missing.err().contains("argument 'b' (i64) of sum is missing from --args"), missing.err());

    GyreRun unknown =
        run(file.toString(), "-f", "hello", "--args", "{\"nom\": \"x\"}", "--peer", url);
    assertEquals(2, unknown.exitCode());
    assertTrue(
        unknown.err().contains("hello has no argument 'nom'; its arguments: name: string"),
        unknown.err());

    GyreRun count = run(file.toString(), "-f", "sum", "--args", "[1]", "--peer", url);
    assertEquals(2, count.exitCode());
    assertTrue(count.err().contains("sum takes 2 arguments (a: i64, b: i64), --args has 1"));

    GyreRun notJson = run(file.toString(), "-f", "sum", "--args", "{a: 1", "--peer", url);
    assertEquals(2, notJson.exitCode());
    assertTrue(notJson.err().contains("--args is not JSON"), notJson.err());
  }

  @Test
  void anUnknownFunctionListsTheExportedOnes() {
    GyreRun outcome = run(file.toString(), "-f", "nope", "--peer", url);
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.err().contains("no exported function 'nope'; exported: hello, sum"));
  }

  @Test
  void compileErrorsNameTheirPlace() throws Exception {
    Path bad = dir.resolve("bad.aqua");
    Files.writeString(bad, "aqua Bad\n\nfunc f() -> string:\n  <- undefinedName\n");
    GyreRun outcome = run(bad.toString(), "-f", "f", "--peer", url);
    assertEquals(1, outcome.exitCode());
    assertTrue(outcome.err().contains("bad.aqua:4:6"), outcome.err());
  }

  private static String relay() {
    return node.clientAddresses().get(0).toString();
  }

  /** {@code gyre run FILE ARGS… --via RELAY --key KEY}. */
  private static GyreRun via(Path key, String... args) {
    List<String> all = new ArrayList<>(List.of(file.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--via", relay(), "--key", key.toString()));
    return run(all.toArray(String[]::new));
  }

  @Test
  void viaARelayTheFunctionRunsAsAClientWithTheUsersOwnKey() throws Exception {
    Path key = dir.resolve("home").resolve(".config").resolve("client.key");
    String peerId = node.peerId().base58();
    GyreRun first = via(key, "-f", "whoCalls", "--args", "[\"" + peerId + "\"]");
    assertEquals(0, first.exitCode(), first.err());
    String client =
        io.gyre.identity.files.PeerKeys.load(new io.gyre.identity.files.KeySource.File(key))
            .peerId()
            .base58();
    assertEquals("called by " + client, MAPPER.readTree(first.out()).asText());
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertTrue(first.err().contains("particle "), first.err());

    GyreRun again = via(key, "-f", "whoCalls", "--args", "[\"" + peerId + "\"]");
    assertEquals("called by " + client, MAPPER.readTree(again.out()).asText());

    GyreRun hello = via(key, "-f", "hello", "--args", "[\"Ada\"]");
    assertEquals(0, hello.exitCode(), hello.err());
    assertEquals("Hello, Ada", MAPPER.readTree(hello.out()).asText());
    GyreRun sent = via(key, "-f", "noResult", "--args", "[\"n\"]");
    assertEquals(0, sent.exitCode(), sent.err());
    assertEquals("", sent.out());
  }

  /** {@code gyre run ARGS…} with {@code home} as the user's home directory. */
  private static GyreRun runAt(Path home, String... args) {
    CommandLine cli = new CommandLine(new RunCommand(home));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new GyreRun(code, out.toString(), err.toString());
  }

  @Test
  void viaARelayWithoutKeyTheKeyIsMadeInTheHomeDirectoryOnlyForTheOwnerAndKept() throws Exception {
    Path home = dir.resolve("user-home");
    Path key = home.resolve(".config").resolve("gyre").resolve("client.key");
    String[] whoCalls = {
      file.toString(),
      "-f",
      "whoCalls",
      "--args",
      "[\"" + node.peerId().base58() + "\"]",
      "--via",
      relay()
    };
    GyreRun first = runAt(home, whoCalls);
    assertEquals(0, first.exitCode(), first.err());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    String client = PeerKeys.load(new KeySource.File(key)).peerId().base58();
    assertEquals("called by " + client, MAPPER.readTree(first.out()).asText());
    byte[] secret = Files.readAllBytes(key);

    GyreRun second = runAt(home, whoCalls);
    assertEquals(0, second.exitCode(), second.err());
    assertEquals("called by " + client, MAPPER.readTree(second.out()).asText());
    assertArrayEquals(
        secret, Files.readAllBytes(key), "the second run reads the key, not a new one");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void viaARelayAScriptErrorOrABadRelayExitsAsTheHttpRunDoes() {
    Path key = dir.resolve("via-errors.key");
    GyreRun broken = via(key, "-f", "broken");
    assertEquals(1, broken.exitCode());
    assertTrue(broken.err().contains("no-such-service"), broken.err());
    GyreRun brokenNoResult = via(key, "-f", "brokenNoResult");
    assertEquals(
        1, brokenNoResult.exitCode(), "a function without results still reports its error");
    assertTrue(brokenNoResult.err().contains("no-such-service.nothing"), brokenNoResult.err());

    GyreRun badAddress =
        run(
            file.toString(),
            "-f",
            "hello",
            "--args",
            "[\"x\"]",
            "--via",
            "/ip4/nope",
            "--key",
            key.toString());
    assertEquals(2, badAddress.exitCode());
    assertTrue(badAddress.err().startsWith("gyre run: --via: "), badAddress.err());

    GyreRun unreachable =
        run(
            file.toString(),
            "-f",
            "hello",
            "--args",
            "[\"x\"]",
            "--via",
            "/ip4/127.0.0.1/tcp/1",
            "--key",
            key.toString());
    assertEquals(1, unreachable.exitCode());
    assertTrue(
        unreachable.err().contains("cannot connect to the relay at /ip4/127.0.0.1/tcp/1"),
        unreachable.err());
  }

  @Test
  void anUnreachablePeerIsNamed() {
    GyreRun outcome =
        run(file.toString(), "-f", "hello", "--args", "[\"x\"]", "--peer", "http://127.0.0.1:1");
    assertEquals(1, outcome.exitCode());
    assertTrue(
        outcome.err().contains("cannot connect to the peer at http://127.0.0.1:1"), outcome.err());
  }

  @Test
  void aFunctionWithoutResultsWaitsAndReportsItsFailedCall() {
    GyreRun outcome = run(file.toString(), "-f", "brokenNoResult", "--peer", url);
    assertEquals(1, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome
            .err()
            .contains("no-such-service.nothing on peer " + node.peerId().base58() + " failed: "),
        outcome.err());
    assertEquals("", outcome.out());
  }

  @Test
  void argumentsMayComeFromAFile() throws Exception {
    Path args = dir.resolve("args.json");
    Files.writeString(args, "{\"name\": \"File\"}");
    GyreRun outcome = run(file.toString(), "-f", "hello", "--args", "@" + args, "--peer", url);
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals("Hello, File", MAPPER.readTree(outcome.out()).asText());
  }

  @Test
  void argumentsNestedTooDeepAreNamedNotAStackTrace() {
    String deep = "[".repeat(20_000) + "]".repeat(20_000);
    GyreRun outcome =
        run(file.toString(), "-f", "hello", "--args", "{\"name\": " + deep + "}", "--peer", url);
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("--args is nested deeper than 512 levels"), outcome.err());
    assertTrue(!outcome.err().contains("Exception"), outcome.err());
  }

  @Test
  void aWrongTokenIsRefusedAndNothingRuns() {
    GyreRun outcome =
        GyreRun.gyre(
            "run",
            file.toString(),
            "-f",
            "hello",
            "--args",
            "[\"x\"]",
            "--peer",
            url,
            "--token",
            "not-the-token");
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("the token is not this peer's"), outcome.err());
  }

  @Test
  void anUnknownPeerFailsAtOnceNamingIt() {
    String eve = io.gyre.identity.KeyPair.fromSeedName("eve").peerId().base58();
    GyreRun outcome =
        run(
            file.toString(),
            "-f",
            "onPeer",
            "--args",
            "{\"peer\": \"" + eve + "\", \"name\": \"x\"}",
            "--peer",
            url,
            "--ttl",
            "30000");
    assertEquals(1, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome.err().contains("no route to peer " + eve + " (not a member of this cluster)"),
        outcome.err());
    // The peer's measure from sending the particle to its outcome: within a second, not the TTL.
    Matcher elapsed = Pattern.compile("particle \\S+, (\\d+) ms").matcher(outcome.err());
    assertTrue(elapsed.find(), outcome.err());
    assertTrue(Long.parseLong(elapsed.group(1)) < 1_000, outcome.err());
  }
}

package io.gyre.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import io.gyre.client.internal.AnnotatedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions from Aqua or from compiled JSON, their arguments, and annotated services. */
class AquaFunctionsTest {
  private static final String SOURCE =
      """
      aqua Sample

      export hello, maybe

      service Op("op"):
        concat_strings(a: string, b: string) -> string
        identity(x: ?string) -> ?string

      func hello(name: string) -> string:
        s <- Op.concat_strings("Hello, ", name)
        <- s

      func maybe(x: ?string, n: u32) -> ?string:
        y <- Op.identity(x)
        <- y
      """;

  @TempDir Path dir;

  private Path source() throws Exception {
    Path file = dir.resolve("sample.aqua");
    Files.writeString(file, SOURCE);
    return file;
  }

  @Test
  void compiledJsonAndAquaGiveTheSameFunction() throws Exception {
    AquaFunction compiled = AquaFunctions.load(source(), "hello", List.of());
    assertEquals(List.of(new AquaFunction.Argument("name", "string")), compiled.arguments());
    assertEquals(List.of("string"), compiled.results());
    assertTrue(compiled.air().contains("concat_strings"), compiled.air());
    // the JSON gyre aqua compile writes
    Path json = dir.resolve("sample.json");
    Files.writeString(
        json,
        "{\"module\": \"Sample\", \"file\": \"sample.aqua\", \"functions\": {\"hello\": {"
            + "\"arguments\": [{\"name\": \"name\", \"type\": \"string\"}], \"results\": [\"string\"],"
            + " \"air\": "
            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(compiled.air())
            + "}}}");
    assertEquals(compiled, AquaFunctions.load(json, "hello", List.of()));
  }

  @Test
  void aMissingFunctionOrACompileErrorIsNamed() throws Exception {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> AquaFunctions.load(source(), "nope", List.of()));
    assertTrue(missing.getMessage().contains("exported: hello, maybe"), missing.getMessage());
    Path bad = dir.resolve("bad.aqua");
    Files.writeString(bad, "aqua Bad\n\nfunc f() -> string:\n  <- undefinedName\n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> AquaFunctions.load(bad, "f", List.of()));
    assertTrue(error.getMessage().contains("bad.aqua:4:6"), error.getMessage());
    Path notCompiled = dir.resolve("x.json");
    Files.writeString(notCompiled, "{\"module\": 1}");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> AquaFunctions.load(notCompiled, "f", List.of()))
            .getMessage()
            .contains("no \"functions\" object"));
  }

  @Test
  void sourceTextCompilesAsAFileWouldAndItsErrorsNameIt() throws Exception {
    List<AquaFunction> fromText =
        AquaFunctions.compileText("app.aqua", Files.readString(source()), List.of());
    assertEquals(AquaFunctions.compile(List.of(source()), List.of()), fromText);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AquaFunctions.compileText(
                    "app.aqua",
                    "aqua Bad\n\nfunc f() -> string:\n  <- undefinedName\n",
                    List.of()));
    assertTrue(error.getMessage().contains("app.aqua:4:6"), error.getMessage());
  }

  @Test
  void optionsBindAsJsClientPassesThemAndMistakesAreNamed() throws Exception {
    AquaFunction maybe = AquaFunctions.load(source(), "maybe", List.of());
    Map<String, Object> some = new LinkedHashMap<>();
    some.put("x", "v");
    some.put("n", 3);
    assertEquals("[\"v\"]", maybe.bind(some).get("x").toString());
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("x", Optional.empty());
    none.put("n", 3);
    assertEquals("[]", maybe.bind(none).get("x").toString());
    assertEquals("[]", maybe.bind(Map.of("n", 1)).get("x").toString());
    assertEquals(3, maybe.bindInOrder(List.of(Optional.of("w"), 3)).get("n").asInt());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> maybe.bind(Map.of("x", "v")))
            .getMessage()
            .contains("argument 'n' (u32) of maybe is missing"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> maybe.bind(Map.of("n", 1, "y", 2)))
            .getMessage()
            .contains("maybe has no argument 'y'; its arguments: x: ?string, n: u32"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> maybe.bindInOrder(List.of(1)))
            .getMessage()
            .contains("maybe takes 2 arguments (x: ?string, n: u32), not 1"));
  }

  /** A service with typed parameters and the call's context. */
  public static final class Shop {
    /** Jackson 2.11 (the project's) binds classes with fields, not records. */
    public static final class Item {
      public String name;
      public int count;
    }

    @ServiceFunction
    public int total(List<Item> items) {
      return items.stream().mapToInt(item -> item.count).sum();
    }

    @ServiceFunction("who")
    public String caller(String greeting, CallArguments call) {
      return greeting + " " + call.initPeerId() + " in " + call.particleId();
    }
  }

  @Test
  void annotatedMethodsTakeTheirArgumentsAsJavaTypes() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    AnnotatedService shop = AnnotatedService.of(new Shop());
    JsonNode items =
        json.readTree("[{\"name\": \"a\", \"count\": 2}, {\"name\": \"b\", \"count\": 5}]");
    List<List<Tetraplet>> tetraplets = List.of(List.of());
    assertEquals(7, shop.call("total", new CallArguments(List.of(items), tetraplets, "p", "i")));
    assertEquals(
        "hi i-1 in p-1",
        shop.call(
            "who", new CallArguments(List.of(json.readTree("\"hi\"")), tetraplets, "p-1", "i-1")));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> shop.call("nope", new CallArguments(List.of(), List.of(), "p", "i")));
    assertTrue(unknown.getMessage().contains("no function 'nope'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnnotatedService.of(new Object()));
  }
}

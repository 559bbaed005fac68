package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The real aqua-lib 0.10.2, installed from npm, compiles whole, and code importing it compiles. */
class AquaLibTest {

  @TestFactory
  Stream<DynamicTest> everyFileCompilesWhole() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(TestFiles.aquaLib())) {
      files = s.filter(p -> p.toString().endsWith(".aqua")).sorted().toList();
    }
    assertTrue(files.size() >= 4, "aqua-lib has builtin, math, subnet and workers: " + files);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      List<CompiledModule> modules =
                          Compile.compiler().compile(List.of(Compile.file(f)));
                      assertEquals(1, modules.size());
                    }));
  }

  @Test
  void everyLibraryServiceCanBeCalled() throws Exception {
    String source =
        """
        aqua UsesLib declares *

        export main

        import "@fluencelabs/aqua-lib/builtin.aqua"
        import "@fluencelabs/aqua-lib/math.aqua"
        import "@fluencelabs/aqua-lib/subnet.aqua"
        use "@fluencelabs/aqua-lib/workers.aqua" as W

        func main(p: PeerId) -> Info, i64, u32, ?PeerId, SubnetResolveResult:
            info <- Peer.identify()
            sum <- Math.add(1, 2)
            on p:
                n <- Op.array_length(["a"])
                w <- W.Worker.get_worker_id("deal")
                s <- Subnet.resolve("deal")
            Console.print(info)
            <- info, sum, n, w, s
        """;
    CompiledModule module = Compile.module(Compile.text("uses-lib.aqua", source));
    String air = module.function("main").orElseThrow().air();
    assertFalse(air.isEmpty());
    assertTrue(air.contains("(\"peer\" \"identify\")"), air);
    assertTrue(air.contains("(\"math\" \"add\") [1 2]"), air);
    assertTrue(air.contains("(call -p-arg- (\"worker\" \"get_worker_id\") [\"deal\"]"), air);
    assertTrue(air.contains("(\"run-console\" \"print\")"), air);
  }
}

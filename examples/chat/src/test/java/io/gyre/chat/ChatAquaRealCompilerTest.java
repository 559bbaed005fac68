package io.gyre.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.syntax.AirParser;
import io.gyre.client.AquaFunction;
import io.gyre.client.AquaFunctions;
import io.gyre.client.RealAquaCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * chat.aqua is Aqua, not only Gyre's dialect of it: Fluence's own compiler takes it without a
 * complaint and exports the same functions as Gyre's, in AIR Gyre's parser reads. It takes the
 * keyword join as the room service's member name, as Gyre's compiler does.
 */
class ChatAquaRealCompilerTest {
  @Test
  void theRealCompilerExportsWhatGyresDoesInAirGyreParses() throws Exception {
    Path file = RealAquaCompiler.classPathFile(ChatFunctions.class, ChatFunctions.SOURCE);

    RealAquaCompiler.Result real = RealAquaCompiler.compile(file);

    assertEquals(List.of(), real.errors());
    assertEquals(List.of(), real.warnings());
    Set<String> gyre =
        AquaFunctions.compile(List.of(file), RealAquaCompiler.importRoots()).stream()
            .map(AquaFunction::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(13, gyre.size(), gyre.toString());
    assertEquals(gyre, new TreeSet<>(real.functions().keySet()));
    assertTrue(
        real.functions().get("joinRoom").contains("(-room_id-arg- \"join\")"),
        real.functions().get("joinRoom"));
    real.functions()
        .forEach(
            (name, air) ->
                assertDoesNotThrow(() -> AirParser.parse(air), () -> name + ":\n" + air));
  }
}

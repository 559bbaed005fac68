package io.gyre.bot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * bot.aqua is Aqua, not only Gyre's dialect of it: Fluence's own compiler takes it without a
 * complaint and exports the same functions as Gyre's, in AIR Gyre's parser reads.
 */
class BotAquaRealCompilerTest {
  @Test
  void theRealCompilerExportsWhatGyresDoesInAirGyreParses() throws Exception {
    Path file = RealAquaCompiler.classPathFile(BotFunctions.class, BotFunctions.SOURCE);

    RealAquaCompiler.Result real = RealAquaCompiler.compile(file);

    assertEquals(List.of(), real.errors());
    assertEquals(List.of(), real.warnings());
    Set<String> gyre =
        AquaFunctions.compile(List.of(file), RealAquaCompiler.importRoots()).stream()
            .map(AquaFunction::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(6, gyre.size(), gyre.toString());
    assertEquals(gyre, new TreeSet<>(real.functions().keySet()));
    real.functions()
        .forEach(
            (name, air) ->
                assertDoesNotThrow(() -> AirParser.parse(air), () -> name + ":\n" + air));
  }
}

package io.gyre.bot;

import io.gyre.client.RealAquaCompiler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * bot.aqua is Aqua, not only Gyre's dialect of it: Fluence's own compiler takes it without a
 * complaint and exports the same functions as Gyre's, in AIR Gyre's parser reads.
 */
class BotAquaRealCompilerTest {
  @Test
  void theRealCompilerExportsWhatGyresDoesInAirGyreParses() throws Exception {
    Path file = RealAquaCompiler.classPathFile(BotFunctions.class, BotFunctions.SOURCE);

    RealAquaCompiler.compileAgreeingWithGyre(file, 6);
  }
}

package io.gyre.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.client.RealAquaCompiler;
import java.nio.file.Path;
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

    RealAquaCompiler.Result real = RealAquaCompiler.compileAgreeingWithGyre(file, 13);
    assertTrue(
        real.functions().get("joinRoom").contains("(-room_id-arg- \"join\")"),
        real.functions().get("joinRoom"));
  }
}

package io.gyre.cli.demo;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre demo`, the README's main job: three real peers, three WASM services, one par call. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void everyPeerDeploysAndAnswers() {
    GyreRun run = gyre("demo", "--data-dir", dir.toString(), "--name", "tester");
    String printed = run.out();
    assertEquals(0, run.exitCode(), printed + run.err());
    for (String step : new String[] {"[1/4]", "[2/4]", "[3/4]", "[4/4]"}) {
      assertTrue(printed.contains(step), printed);
    }
    Matcher answers = Pattern.compile("(?m)^ +(12D3\\w+): Hello, tester!?$").matcher(printed);
    Set<String> answered = new HashSet<>();
    while (answers.find()) {
      answered.add(answers.group(1));
    }
    assertEquals(3, answered.size(), printed);
    // It ends by telling how to reach the playground and the chat.
    assertTrue(printed.contains("./gyre demo --stay"), printed);
    assertTrue(printed.contains("./gyre chat --room lobby --via "), printed);
    assertTrue(printed.contains("./gyre bot --room lobby --via "), printed);
    // Each peer kept its own journal on the embedded default (H2 files in its data directory).
    for (int i = 1; i <= 3; i++) {
      assertTrue(Files.isDirectory(dir.resolve("peer-" + i)), "peer-" + i);
    }
  }
}

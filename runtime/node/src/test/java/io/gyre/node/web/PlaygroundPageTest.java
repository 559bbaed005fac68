package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground as a person uses it, in Debian's headless Chromium: type Aqua into the editor,
 * compile, fill the arguments, run, and read the result and the particle's path.
 */
class PlaygroundPageTest {
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();

  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;
  private static Browser browser;

  @RegisterExtension
  static final KeepEvidenceOnFailure EVIDENCE = new KeepEvidenceOnFailure(() -> browser);

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    node = nodes.start("n1", List.of("relay", "alice"), Optional.empty());
    node.awaitPeers(List.of(ALICE)).get(60, TimeUnit.SECONDS);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      nodes.close();
    }
  }

  @BeforeEach
  void openThePage() {
    browser.driver.get("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + "/");
    waitUpTo(30)
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  @Test
  void aTypedFunctionRunsAndItsPathIsDrawn() {
    type(
        """
        aqua Greeting declares *

        export greet

        import "@fluencelabs/aqua-lib/builtin.aqua"

        func greet(name: string, other: string) -> string:
            on other:
                greeting <- Op.concat_strings("Hello, ", name)
            <- greeting
        """);
    click("compile");
    WebElement function =
        waitUpTo(60)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#functions button.function[data-name='greet']")));
    assertEquals("greet(name: string, other: string) -> string", function.getText());
    function.click();
    find("arg-name").sendKeys("Selenium");
    find("arg-other").sendKeys(ALICE);
    click("run");

    waitUpTo(60).until(ExpectedConditions.textToBe(By.id("run-result"), "Hello, Selenium"));
    assertTrue(find("run-status").getText().startsWith("responded"), find("run-status").getText());
    // The path: the call on alice's lane, and the hops there and back.
    waitUpTo(30)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#path g.call[data-peer='" + ALICE + "']")));
    String call =
        browser
            .driver
            .findElement(By.cssSelector("#path g.call[data-peer='" + ALICE + "']"))
            .getDomProperty("textContent");
    assertTrue(call.contains("op.concat_strings"), call);
    assertTrue(call.contains("ret_code 0"), call);
    assertTrue(!browser.driver.findElements(By.cssSelector("#path g.hop-sent")).isEmpty());
    assertEquals(2, browser.driver.findElements(By.cssSelector("#path g.lane")).size());
    assertTrue(
        find("path-summary").getText().contains("on 2 peers"), find("path-summary").getText());
    assertTrue(find("trace-json").getDomProperty("textContent").contains("\"concat_strings\""));
  }

  private void type(String program) {
    WebElement editor = find("source");
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    editor.sendKeys(program);
    assertEquals(program, editor.getDomProperty("value"));
  }

  private static WebElement find(String id) {
    return browser.driver.findElement(By.id(id));
  }

  private static void click(String id) {
    find(id).click();
  }

  private static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
  }
}

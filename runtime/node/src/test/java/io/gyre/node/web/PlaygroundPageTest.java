package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.KeyPair;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground as a person uses it, in Debian's headless Chromium: type Aqua into the editor,
 * compile, fill the arguments, run, and read the result and the particle's path.
 */
class PlaygroundPageTest {
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();

  // Without a marketplace: the dashboard says so (DashboardMarketTest shows one).
  @RegisterExtension
  static final PageExtension PAGE =
      new PageExtension(Map.of("gyre.node.market.enabled", "off"), "relay", "alice");

  @BeforeEach
  void openThePage() {
    PAGE.page().open();
    waitUpTo(30)
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  @AfterEach
  void theScriptsRaisedNoError() {
    // The browser also logs every 4xx/5xx answer ("Failed to load resource"); those are expected
    // here (compile errors, the absent marketplace). Anything else severe is a script error.
    List<String> errors =
        PAGE.browser().driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("Failed to load resource"))
            .toList();
    assertEquals(List.of(), errors);
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
        PAGE.browser()
            .driver
            .findElement(By.cssSelector("#path g.call[data-peer='" + ALICE + "']"))
            .getDomProperty("textContent");
    assertTrue(call.contains("op.concat_strings"), call);
    assertTrue(call.contains("ret_code 0"), call);
    // There and back: relay → alice, alice → relay, both peers on this node.
    assertEquals(
        1,
        PAGE.browser()
            .driver
            .findElements(By.cssSelector("#path g.hop.arrow[data-to='" + ALICE + "']"))
            .size());
    assertEquals(
        1,
        PAGE.browser()
            .driver
            .findElements(By.cssSelector("#path g.hop.arrow[data-from='" + ALICE + "']"))
            .size());
    assertEquals(2, PAGE.browser().driver.findElements(By.cssSelector("#path g.lane")).size());
    assertTrue(
        find("path-summary").getText().contains("on 2 peers"), find("path-summary").getText());
    assertTrue(find("trace-json").getDomProperty("textContent").contains("\"concat_strings\""));
  }

  @Test
  void aCompileErrorIsMarkedAtItsLine() {
    type(
        """
        aqua Broken declares *

        export broken

        import "@fluencelabs/aqua-lib/builtin.aqua"

        func broken(name: string) -> string:
            greeting <- Op.no_such_function(name)
            <- greeting
        """);
    click("compile");
    waitUpTo(60).until(ExpectedConditions.textToBe(By.id("compile-status"), "1 error"));
    List<String> marked =
        PAGE.browser().driver.findElements(By.cssSelector("#gutter .line-number.error")).stream()
            .map(e -> e.getDomAttribute("data-line"))
            .toList();
    assertEquals(List.of("8"), marked);
    assertEquals(
        1,
        PAGE.browser()
            .driver
            .findElements(By.cssSelector("#highlight .line.error[data-line='8']"))
            .size());
    String diagnostic =
        PAGE.browser().driver.findElement(By.cssSelector("#diagnostics li")).getText();
    assertTrue(diagnostic.startsWith("playground.aqua:8:"), diagnostic);
    assertTrue(diagnostic.contains("no_such_function"), diagnostic);
    assertTrue(PAGE.browser().driver.findElements(By.cssSelector("#functions button")).isEmpty());
    assertTrue(!find("run-form").isDisplayed());
  }

  @Test
  void aMissingPackageSaysHowToInstallIt() {
    type(
        """
        aqua Missing declares *

        import "@fluencelabs/no-such-package/lib.aqua"

        func f() -> string:
            <- "x"
        """);
    click("compile");
    waitUpTo(60).until(ExpectedConditions.textToBe(By.id("compile-status"), "1 error"));
    String diagnostic =
        PAGE.browser().driver.findElement(By.cssSelector("#diagnostics li")).getText();
    assertTrue(diagnostic.startsWith("playground.aqua:3:"), diagnostic);
    assertTrue(
        diagnostic.contains("cannot resolve import \"@fluencelabs/no-such-package/lib.aqua\""),
        diagnostic);
    assertTrue(diagnostic.contains("npm install --prefix"), diagnostic);
  }

  @Test
  void badArgumentsAndFailedCallsAreShownAsText() {
    type(
        """
        aqua Nowhere declares *

        export ask

        service Nowhere("nowhere"):
            ask(n: u32) -> string

        func ask(n: u32) -> string:
            answer <- Nowhere.ask(n)
            <- answer
        """);
    click("compile");
    waitUpTo(60)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#functions button.function[data-name='ask']")));
    find("arg-n").sendKeys("seven");
    click("run");
    waitUpTo(10)
        .until(
            ExpectedConditions.textMatches(
                By.id("run-status"),
                java.util.regex.Pattern.compile("^argument 'n' \\(u32\\) is not JSON: .+")));

    find("arg-n").clear();
    find("arg-n").sendKeys("7");
    click("run");
    waitUpTo(60)
        .until(
            ExpectedConditions.textMatches(
                By.id("run-status"), java.util.regex.Pattern.compile("^errored")));
    String errors = find("run-errors").getText();
    assertTrue(errors.contains("No service found for service call: serviceId='nowhere'"), errors);
    assertTrue(!errors.contains("[object Object]"), errors);
    waitUpTo(30)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#path g.call.failed")));
    String failed =
        PAGE.browser()
            .driver
            .findElement(By.cssSelector("#path g.call.failed"))
            .getDomProperty("textContent");
    assertTrue(failed.contains("nowhere.ask"), failed);
    assertTrue(!failed.contains("ret_code 0"), failed);
  }

  @Test
  void theDashboardShowsThisNodeAndItsMetricsMove() throws Exception {
    click("tab-dashboard");
    String self = PAGE.page().node.peerId().base58();
    WebElement row =
        waitUpTo(30)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#peers tr.peer-row[data-peer='" + self + "']")));
    assertTrue(row.getText().contains("this peer"), row.getText());
    WebElement alice =
        PAGE.browser()
            .driver
            .findElement(By.cssSelector("#peers tr.peer-row[data-peer='" + ALICE + "']"));
    assertTrue(alice.getText().contains("hosted here"), alice.getText());
    assertEquals("1", find("node-members").findElement(By.className("card-value")).getText());
    assertTrue(find("market-offers").getText().contains("no marketplace on this peer"));

    waitUpTo(30).until(d -> !find("metric-received").getText().equals("—"));
    long before = Long.parseLong(find("metric-received").getText());
    // Particles from elsewhere (here: a plain HTTP client) show on the open dashboard.
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ran =
          PAGE.page().post("/run", "{\"air\": \"(null)\", \"await_response\": false}");
      assertEquals(200, ran.statusCode(), ran.body());
    }
    waitUpTo(30).until(d -> Long.parseLong(find("metric-received").getText()) >= before + 3);
    waitUpTo(30).until(d -> Double.parseDouble(find("metric-peak").getText()) > 0);
    waitUpTo(30).until(d -> !find("metric-interp-recent-p50").getText().equals("—"));
    assertTrue(find("metric-interp-all-p99").getText().matches("[0-9.]+ (µs|ms|s)"));
    // The runs above are whole particles started here: their latency has a card of its own.
    waitUpTo(30).until(d -> !find("metric-run-recent-p50").getText().equals("—"));
    assertTrue(find("metric-run-all-p99").getText().matches("[0-9.]+ (µs|ms|s)"));
  }

  @Test
  void aServiceDeployedOnThisPeerIsListedInItsRowUntilRemoved() throws Exception {
    click("tab-dashboard");
    String self = PAGE.page().node.peerId().base58();
    waitUpTo(30)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#peers tr.peer-row[data-peer='" + self + "']")));
    assertEquals(List.of(), servicesListedFor(self));

    HttpResponse<String> deployed =
        PAGE.page().deploy(PageUnderTest.greetingWasm(), "dashboard-greeting");
    assertEquals(201, deployed.statusCode(), deployed.body());
    String serviceId = new ObjectMapper().readTree(deployed.body()).get("service_id").asText();
    // The open dashboard shows it at its next poll, in this peer's row only, by alias and id.
    waitUpTo(30)
        .withMessage(() -> "this peer's row lists " + servicesListedFor(self))
        .until(
            d ->
                servicesListedFor(self)
                    .equals(List.of("dashboard-greeting · " + serviceId + " | owner " + self)));
    assertEquals(List.of(), servicesListedFor(ALICE));

    HttpResponse<String> removed = PAGE.page().delete("/services/" + serviceId);
    assertEquals(200, removed.statusCode(), removed.body());
    waitUpTo(30)
        .withMessage(() -> "this peer's row still lists " + servicesListedFor(self))
        .until(d -> servicesListedFor(self).isEmpty());
  }

  /**
   * The services in a peer's row of the dashboard: each as its text and the owner its tooltip
   * names, read in one script so a poll's redraw cannot come between them.
   */
  @SuppressWarnings("unchecked")
  private static List<String> servicesListedFor(String peer) {
    return (List<String>)
        PAGE.browser()
            .driver
            .executeScript(
                "return [...document.querySelectorAll("
                    + "`#peers tr.peer-row[data-peer='${arguments[0]}'] li.service`)]"
                    + ".map(li => li.textContent + ' | '"
                    + " + li.title.split('\\n').find(l => l.startsWith('owner ')))",
                peer);
  }

  @Test
  void aTokenInTheFragmentIsKeptAndLeavesTheAddressBar() {
    PAGE.browser().driver.get(PAGE.page().url("/#token=s3cret-token"));
    waitUpTo(30).until(ExpectedConditions.textToBe(By.id("token-state"), "token set"));
    assertEquals(PAGE.page().url("/"), PAGE.browser().driver.getCurrentUrl());
    assertEquals(
        "s3cret-token",
        PAGE.browser().driver.executeScript("return localStorage.getItem('gyre.token')"));
    click("token-edit");
    click("token-forget");
    waitUpTo(10).until(ExpectedConditions.textToBe(By.id("token-state"), "no token"));
    assertEquals(
        null, PAGE.browser().driver.executeScript("return localStorage.getItem('gyre.token')"));
  }

  private void type(String program) {
    WebElement editor = find("source");
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    editor.sendKeys(program);
    assertEquals(program, editor.getDomProperty("value"));
  }

  private static WebElement find(String id) {
    return PAGE.browser().driver.findElement(By.id(id));
  }

  private static void click(String id) {
    find(id).click();
  }

  private static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(PAGE.browser().driver, Duration.ofSeconds(seconds));
  }
}

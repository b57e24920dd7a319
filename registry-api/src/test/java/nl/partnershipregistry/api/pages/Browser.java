package nl.partnershipregistry.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through chromedriver, with what a person does on a page:
 * open, fill in a field by its label, press a button or a link by its words, read the text, a
 * table's rows; and checks of the page: axe-core's accessibility rules, a screenshot, and the page
 * as it prints (to PDF, or shown with the print style sheet).
 */
final class Browser implements AutoCloseable {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;

  Browser(int port) throws IOException {
    this.base = "http://localhost:" + port;
    this.profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** Opens a page of the registry by its path. */
  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Forgets the session and the chosen language, as a browser of another person would. */
  void forget() {
    open("/assets/pages/registry.css");
    driver.manage().deleteAllCookies();
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.substring(base.length());
  }

  /** What the page says, as a person reads it. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  /** Types into the field whose label says {@code label}. */
  Browser fillIn(String label, String value) {
    WebElement field = field(label);
    field.clear();
    field.sendKeys(value);
    return this;
  }

  Browser choose(String label, String option) {
    field(label)
        .findElement(By.xpath(".//option[normalize-space(.)=" + quote(option) + "]"))
        .click();
    return this;
  }

  private WebElement field(String label) {
    WebElement labelled =
        driver.findElement(By.xpath("//label[normalize-space(.)=" + quote(label) + "]"));
    return driver.findElement(By.id(labelled.getDomAttribute("for")));
  }

  /**
   * Presses the button or follows the link with these words, and waits for the next page: each of
   * them leads to one.
   */
  Browser press(String words) {
    JavascriptExecutor js = driver;
    js.executeScript("window.registryPageBeforePress = true;");
    driver
        .findElement(
            By.xpath(
                "//button[normalize-space(.)="
                    + quote(words)
                    + "] | //a[normalize-space(.)="
                    + quote(words)
                    + "]"))
        .click();
    // The next page is there when the old page's window mark is gone and the new one has loaded.
    // Asking while the browser navigates may fail in several ways (a stale element, a node that no
    // longer belongs to the document, a script run into a page being torn down): all mean "not
    // yet".
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(
            browser ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.registryPageBeforePress === undefined"
                            + " && document.readyState === 'complete';")));
    return this;
  }

  /** Chooses a file for the file field whose label says {@code label}, as a person picks one. */
  Browser attach(String label, Path file) {
    field(label).sendKeys(file.toAbsolutePath().toString());
    return this;
  }

  /** What the site header's navigation offers, as a person reads it. */
  String navigation() {
    return driver.findElement(By.cssSelector("header nav")).getText();
  }

  /**
   * How a screen reader tells the order of a table's column: its header's {@code aria-sort} ({@code
   * ascending}, {@code descending}), or null when the table is not sorted by it.
   */
  String ariaSort(String title, String column) {
    WebElement header =
        tableElement(title)
            .findElement(By.xpath("./thead/tr/th[normalize-space(.)=" + quote(column) + "]"));
    return header.getDomAttribute("aria-sort");
  }

  /**
   * Fetches an address with the page's session, as a download link does; answers the status, a
   * space and the body (its first 4 million characters).
   */
  String fetch(String path) {
    JavascriptExecutor js = driver;
    return String.valueOf(
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => done(r.status + ' ' + t.substring(0, 4000000))))"
                + ".catch(e => done('failed ' + e));",
            path));
  }

  /**
   * Posts a file as a multipart form from the open page, with the page's own CSRF token, as a
   * script of the page could: answers the status and the path the answer came from after redirects.
   */
  String postFile(String path, String fileName, String content) {
    JavascriptExecutor js = driver;
    return String.valueOf(
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const data = new FormData();"
                + "data.append('_csrf', document.querySelector('input[name=_csrf]').value);"
                + "data.append('file', new Blob([arguments[2]], {type: 'application/x-ndjson'}),"
                + " arguments[1]);"
                + "fetch(arguments[0], {method: 'POST', body: data, credentials: 'same-origin'})"
                + ".then(r => done(r.status + ' ' + new URL(r.url).pathname))"
                + ".catch(e => done('failed ' + e));",
            path,
            fileName,
            content));
  }

  /**
   * Follows the link with these words to a place on the same page (a section, a fact on the
   * timeline): no next page to wait for, only the address's fragment.
   */
  Browser jumpTo(String words) {
    WebElement link = driver.findElement(By.xpath("//a[normalize-space(.)=" + quote(words) + "]"));
    String href = link.getDomAttribute("href");
    link.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(browser -> browser.getCurrentUrl().endsWith(href));
    return this;
  }

  /**
   * Marks the page in the browser's window, so that {@link #samePage()} tells whether it is still
   * the page shown then (a reload or another page forgets the mark).
   */
  Browser markPage() {
    ((JavascriptExecutor) driver).executeScript("window.registryPageMarked = true;");
    return this;
  }

  /** Whether the page marked by {@link #markPage()} is still the one shown: it was not reloaded. */
  boolean samePage() {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) driver).executeScript("return window.registryPageMarked === true;"));
  }

  /** Waits up to {@code limit} until the page says {@code words}; fails with what it says. */
  Browser awaitText(String words, Duration limit) {
    try {
      new WebDriverWait(driver, limit)
          .ignoring(WebDriverException.class)
          .until(browser -> text().contains(words));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "After " + limit.toSeconds() + " s the page does not say '" + words + "':\n" + text());
    }
    return this;
  }

  /**
   * Waits until the page's live updates are listening (its script marks the main content once the
   * stream is open), so that a fact recorded from now on reaches the page.
   */
  Browser awaitLiveUpdates() {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(
            browser ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) driver)
                        .executeScript(
                            "return document.querySelector('main[data-live-state=open]') !== null;")));
    return this;
  }

  /** The rows of the table whose caption or preceding heading says {@code title}, as cell texts. */
  List<List<String>> table(String title) {
    WebElement table = tableElement(title);
    List<List<String>> rows = new ArrayList<>();
    for (WebElement row : table.findElements(By.xpath("./tbody/tr"))) {
      List<String> cells = new ArrayList<>();
      for (WebElement cell : row.findElements(By.xpath("./th | ./td"))) {
        cells.add(cell.getDomProperty("textContent").replaceAll("\\s+", " ").strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private WebElement tableElement(String title) {
    return driver.findElement(
        By.xpath(
            "//table[caption[normalize-space(.)="
                + quote(title)
                + "]] | //h2[normalize-space(.)="
                + quote(title)
                + "]/following::table[1]"));
  }

  /** The row of the table whose first cell is {@code first}. */
  List<String> row(String title, String first) {
    return table(title).stream()
        .filter(cells -> cells.get(0).equals(first))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row '" + first + "' in " + table(title)));
  }

  /**
   * Runs axe-core's rules (WCAG 2.1 A and AA and best practices) in the page and fails on any
   * serious or critical violation, naming the rule and the elements.
   */
  void assertAccessible() throws IOException {
    String axe;
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as("axe-core on the test class path").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical',"
                + " help: String(e), nodes: []}])));");
    JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
    List<String> serious = new ArrayList<>();
    for (JsonNode violation : violations) {
      String impact = violation.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> targets = new ArrayList<>();
        violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
        serious.add(
            impact
                + " "
                + violation.path("id").asText()
                + ": "
                + violation.path("help").asText()
                + " "
                + targets);
      }
    }
    assertThat(serious).as("axe-core on " + path()).isEmpty();
  }

  /**
   * Saves the whole page as {@code target/screenshots/<name>.png}, from its top also after a link
   * to a place further down.
   */
  void screenshot(String name) throws IOException {
    JavascriptExecutor js = driver;
    js.executeScript("window.scrollTo(0, 0);");
    long height =
        ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 20, 6000)));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    driver.manage().window().setSize(before);
    Path folder = Path.of("target", "screenshots");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name + ".png"), png);
  }

  /**
   * Prints the page as the browser's "print to PDF" does, on A4 without background colours, saves
   * it as {@code target/screenshots/<name>.pdf} and gives its bytes.
   */
  byte[] print(String name) throws IOException {
    PrintOptions options = new PrintOptions();
    options.setPageSize(new PageSize(29.7, 21.0));
    options.setBackground(false);
    byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
    Path folder = Path.of("target", "screenshots");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name + ".pdf"), pdf);
    return pdf;
  }

  /**
   * Shows the page as it prints (the print style sheet) until called with false: what {@link
   * #text()} reads and {@link #screenshot} saves is then the printed page.
   */
  void emulatePrint(boolean print) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static String quote(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}

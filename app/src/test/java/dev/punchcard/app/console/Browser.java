package dev.punchcard.app.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, found
 * on the PATH or at their Debian paths, never downloaded) on the console, with the few
 * actions the tests need and a PNG screenshot per step under
 * {@code target/console-screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ChromeDriver driver;

	private final String base;

	private final String test;

	private int step;

	private Browser(ChromeDriver driver, String base, String test) {
		this.driver = driver;
		this.base = base;
		this.test = test;
	}

	/** Chromium and its driver, or empty when either is missing on this machine. */
	static Optional<Path[]> binaries() {
		Optional<Path> chromium = find("chromium", "/usr/bin/chromium", "/usr/lib/chromium/chromium");
		Optional<Path> driver = find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		return (chromium.isPresent() && driver.isPresent()) ? Optional.of(new Path[] { chromium.get(), driver.get() })
				: Optional.empty();
	}

	static Browser open(int port, String test, String language, int width, int height) {
		return open(port, test, language, width, height, true);
	}

	/**
	 * As above, with JavaScript switched off when told to (as some staff browsers run).
	 */
	static Browser open(int port, String test, String language, int width, int height, boolean javascript) {
		Path[] found = binaries().orElseThrow();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(found[0].toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--no-first-run", "--disable-extensions", "--lang=" + language,
				"--window-size=" + width + "," + height);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
				"profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(found[1].toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		return new Browser(driver, "http://localhost:" + port, test);
	}

	private static Optional<Path> find(String name, String... debianPaths) {
		String path = System.getenv("PATH");
		Stream<Path> onPath = (path == null) ? Stream.empty()
				: Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, name));
		return Stream.concat(onPath, Stream.of(debianPaths).map(Path::of))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst();
	}

	Browser go(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	Browser logIn(String username, String password) {
		go("/login");
		type("username", username);
		type("password", password);
		click("login");
		waitFor(By.id("nav"));
		return this;
	}

	Browser type(String id, String text) {
		WebElement field = waitFor(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	Browser select(String id, String value) {
		new org.openqa.selenium.support.ui.Select(waitFor(By.id(id))).selectByValue(value);
		return this;
	}

	Browser click(String id) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
		return this;
	}

	/** Waits until the element's text contains the part, and returns the whole text. */
	String waitText(String id, String part) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), part));
		return this.driver.findElement(By.id(id)).getText();
	}

	WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	String text(String id) {
		return waitFor(By.id(id)).getText();
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	String page() {
		return this.driver.getPageSource();
	}

	@Nullable String attribute(String id, String name) {
		return waitFor(By.id(id)).getAttribute(name);
	}

	void acceptConfirm() {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
	}

	/** Saves a PNG of the window as {@code <test>-<nn>-<name>.png}. */
	Browser screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			this.step++;
			byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(this.test, this.step, name)), png);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

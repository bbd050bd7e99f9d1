package org.onecampus.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;

/**
 * Debian's headless Chromium driven by Playwright, started once per test JVM and shared by every
 * browser test (with the flags this machine needs: no sandbox as root, no background networking on
 * a closed network). Each test gets a fresh context, so no cookies or storage leak between tests.
 */
public final class Chromium {

	/** Where screenshots go ({@code target/screenshots} in a Maven build). */
	public static final Path SCREENSHOTS = Paths.get(System.getProperty("onecampus.test.screenshots", "target/screenshots"));

	private static Playwright playwright;

	private static Browser browser;

	private Chromium() {
	}

	/** @return the shared browser, launched on first use and closed when the JVM ends */
	public static synchronized Browser browser() {
		if (browser == null) {
			playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
				.setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
			Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close));
		}
		return browser;
	}

	/** A new, empty browser context in Chinese with the given viewport (375 wide for a phone). */
	public static BrowserContext newContext(int width, int height) {
		return browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
	}

	/**
	 * Opens a page in {@code context} and signs in through the login page with the demo password;
	 * returns once the signed-in layout shows.
	 */
	public static Page signIn(BrowserContext context, int port, String username) {
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate("http://localhost:" + port + "/");
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.waitForResponse(r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
				() -> page.getByTestId("login-submit").click());
		page.navigate("http://localhost:" + port + "/");
		page.getByTestId("user-menu").waitFor();
		return page;
	}

	/**
	 * Saves a full-page screenshot as {@code <name>.png} under {@link #SCREENSHOTS}, with transitions run to their
	 * end: otherwise a tag or badge that has just appeared (Element Plus zooms them in) is caught half-drawn.
	 */
	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
			.setAnimations(ScreenshotAnimations.DISABLED));
	}

	private static synchronized void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}
}

package org.onecampus.hall.internal.statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics dashboard in headless Chromium over two years of generated history (the demo generator): the IT
 * centre's officer sees the KPI gauges, charts and tables, exports the workbook, and the page stays usable at 375 px.
 */
@IntegrationTest
class HallStatisticsBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	JsonMapper json;

	@Autowired
	PersonProfiles profiles;

	@Autowired
	DemoHistory history;

	@Autowired
	Rollups rollups;

	BrowserContext context;

	@AfterEach
	void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void theItCentreReadsTheDashboardOnADesktopAndOnAPhone() throws Exception {
		StatisticsFixtures fixtures = new StatisticsFixtures(jdbc, catalogue, json);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<ServiceItem> items = new ArrayList<>();
		items.add(fixtures.item("visit-" + suffix, "入校备案申请", unit("SEC"), List.of(), 1));
		items.add(fixtures.item("room-" + suffix, "教室借用", unit("AA"), List.of(unit("LOG")), 2));
		items.add(fixtures.item("vm-" + suffix, "云服务器申请", unit("ITC"), List.of(), 5));
		items.add(fixtures.item("abroad-" + suffix, "因公短期出国（境）申报", unit("INTL"), List.of(unit("HR"), unit("FIN")), 10));
		items.add(fixtures.item("net-" + suffix, "校园网账号申请", unit("ITC"), List.of(), 1));
		items.add(fixtures.item("seal-" + suffix, "校公章用印", unit("PRES"), List.of(), 2));
		fixtures.item("archive-" + suffix, "档案查阅申请", unit("ARC"), List.of(), 3);
		history.generate(items, 1500, LocalDate.now(Rollups.ZONE), new Random(7));
		rollups.drain(true);

		for (int width : new int[] { 1280, 375 }) {
			if (context != null) {
				context.close();
			}
			context = Chromium.newContext(width, 900);
			Page page = Chromium.signIn(context, port, "it001");
			page.navigate("http://localhost:" + port + "/hall/statistics");
			assertThat(page.getByTestId("hall-statistics-page")).containsText("办事大厅统计");
			assertThat(page.getByTestId("statistics-kpis")).containsText("目标：≥ 30%");
			assertThat(page.getByTestId("statistics-kpis")).containsText("目标：≥ 70%");
			assertThat(page.getByTestId("statistics-services")).containsText("入校备案申请");
			assertThat(page.getByTestId("statistics-services")).containsText("保卫处");
			assertThat(page.getByTestId("statistics-cold")).containsText("档案查阅申请");
			assertThat(page.getByTestId("statistics-top").locator("canvas")).isVisible();
			assertThat(page.getByTestId("statistics-comments").locator("li").first()).isVisible();
			page.waitForTimeout(800); // let the charts finish their entry animation before the screenshot
			Chromium.screenshot(page, "hall-statistics-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		}

		Page page = context.pages().get(0);
		Download download = page.waitForDownload(() -> page.getByTestId("statistics-export").click());
		assertThat(download.suggestedFilename()).matches(Pattern.compile("hall-statistics-.*\\.xlsx"));
		Path file = download.path();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(file))) {
			assertThat(workbook.getSheet("TOP20").getLastRowNum()).isGreaterThanOrEqualTo(6);
		}
	}

	private UUID unit(String code) {
		return profiles.orgUnitIdByCode(code).orElseThrow();
	}
}

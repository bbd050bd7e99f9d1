package org.onecampus.hall.web;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Rooms administration in a real browser, on a desktop and on a 375 px phone: the administrator finds a room, sees
 * who booked it this week through which application, gets the field errors of an incomplete new room and creates
 * it. Screenshots go to target/screenshots.
 */
@IntegrationTest
class RoomAdminBrowserIntegrationTests {

	static final String ROOM = "EAST-E402";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	@AfterEach
	void close() {
		if (context != null) {
			context.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theAdministratorSeesARoomsBookingsAndCreatesARoomOnDesktopAndPhone() {
		// a booking tomorrow evening (the drawer shows this week; on a Sunday tomorrow is next week)
		OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(1);
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		var booked = student.postJson("/api/v1/hall/applications", """
				{"serviceCode": "classroom-booking", "formData": {"phone": "13800138000", "campus": "EAST", "room": "%s",
				 "from": "%s", "to": "%s", "attendees": 12, "activity": "club", "purpose": "摄影社例会"}}"""
			.formatted(ROOM, tomorrow.withHour(19).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
					tomorrow.withHour(20).withMinute(30).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		org.assertj.core.api.Assertions.assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String applicationId = booked.json().get("id").asString();
		try {
			context = Chromium.newContext(1280, 800);
			Page page = Chromium.signIn(context, port, "admin");
			page.navigate(url("/hall/admin/rooms"));
			assertThat(page.getByTestId("rooms-table").locator("tbody tr").first()).isVisible();
			assertThat(page.getByTestId("rooms-table")).containsText("MAIN-A101");
			Chromium.screenshot(page, "rooms-admin-desktop-zh");

			page.getByTestId("rooms-search").fill("E402");
			page.getByTestId("rooms-search").press("Enter");
			assertThat(page.getByTestId("rooms-table").locator("tbody tr")).hasCount(1);
			page.getByTestId("rooms-row").first().click();
			Locator drawer = page.getByTestId("room-drawer");
			assertThat(drawer.getByTestId("room-code")).hasValue(ROOM);
			Chromium.screenshot(page, "rooms-drawer-desktop-zh");
			drawer.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Locator.GetByRoleOptions().setName("借用日程")).click();
			// the drawer opens on this week in the browser's time zone (the system's)
			TemporalAdjuster monday = TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY);
			if (!tomorrow.withHour(19).atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().with(monday)
				.equals(java.time.LocalDate.now(ZoneId.systemDefault()).with(monday))) {
				drawer.getByLabel("下一周").click();
			}
			Locator booking = drawer.getByTestId("room-booking").filter(new Locator.FilterOptions().setHasText("摄影社例会"));
			assertThat(booking).containsText("李明轩");
			assertThat(booking.getByTestId("room-booking-application")).hasAttribute("href",
					"/hall/applications/" + applicationId);
			Chromium.screenshot(page, "rooms-bookings-desktop-zh");

			page.keyboard().press("Escape");
			page.getByTestId("rooms-new").click();
			String code = "EAST-T" + (100 + (int) (Math.random() * 800));
			drawer.getByTestId("room-code").fill(code);
			drawer.getByTestId("room-save").click();
			assertThat(drawer.locator(".el-form-item__error").first()).isVisible();
			Chromium.screenshot(page, "rooms-new-errors-desktop-zh");
			drawer.getByTestId("room-name-zh").fill("东区测试研讨室" + code);
			drawer.getByTestId("room-name-en").fill("East test seminar " + code);
			drawer.getByTestId("room-building-zh").fill("东区实训楼");
			drawer.getByTestId("room-building-en").fill("East Training Building");
			drawer.getByTestId("room-capacity").locator("input").fill("16");
			drawer.getByTestId("room-save").click();
			assertThat(page.locator(".el-message--success")).isVisible();
			org.assertj.core.api.Assertions.assertThat(jdbc.sql("select capacity from hall_room where code = :c")
				.param("c", code).query(Integer.class).single()).isEqualTo(16);

			BrowserContext phone = Chromium.newContext(375, 800);
			try {
				Page small = Chromium.signIn(phone, port, "admin");
				small.navigate(url("/hall/admin/rooms"));
				assertThat(small.getByTestId("rooms-cards").getByTestId("rooms-row").first()).isVisible();
				double width = ((Number) small.evaluate("document.documentElement.scrollWidth")).doubleValue();
				org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(375);
				Chromium.screenshot(small, "rooms-admin-phone-zh");
				small.getByTestId("rooms-row").first().click();
				assertThat(small.getByTestId("room-drawer").getByTestId("room-save")).isVisible();
				Chromium.screenshot(small, "rooms-drawer-phone-zh");
			}
			finally {
				phone.close();
			}
		}
		finally {
			jdbc.sql("update hall_room_booking set status = 'RELEASED' where application_id = :a")
				.param("a", UUID.fromString(applicationId)).update();
		}
	}

	/**
	 * A room the 教务处 room administrator creates is in the 教室借用 form's room list at once, labelled with its campus
	 * and seats, and can be chosen (desktop and 375 px phone).
	 */
	@Test
	void aNewRoomIsOfferedInTheBookingFormAtOnceOnDesktopAndPhone() {
		ApiClient roomAdmin = new ApiClient(port).signIn("a100129", IntegrationTest.DEMO_PASSWORD);
		String code = "EAST-N" + (100 + (int) (Math.random() * 800));
		var created = roomAdmin.postJson("/api/v1/hall/admin/rooms", """
				{"code": "%s", "campus": "EAST", "building": {"zh-CN": "东区实训楼", "en-US": "East Training Building"},
				 "name": {"zh-CN": "东区新建研讨室%s", "en-US": "East new seminar %s"}, "capacity": 18, "kind": "SEMINAR",
				 "equipment": ["projector"], "bookable": true}""".formatted(code, code, code));
		org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
		for (int width : new int[] { 1280, 375 }) {
			context = Chromium.newContext(width, 900);
			Page page = Chromium.signIn(context, port, "stu001");
			page.navigate(url("/hall/services/classroom-booking/apply"));
			page.locator("[data-field=room] .el-select").click();
			Locator option = page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions()
				.setHasText("东区新建研讨室" + code));
			option.scrollIntoViewIfNeeded();
			assertThat(option).hasText("东区新建研讨室" + code + "（东校区，18座）");
			Chromium.screenshot(page, "classroom-booking-new-room-" + width);
			option.click();
			assertThat(page.locator("[data-field=room]")).containsText("东区新建研讨室" + code);
			context.close();
			context = null;
		}
	}
}

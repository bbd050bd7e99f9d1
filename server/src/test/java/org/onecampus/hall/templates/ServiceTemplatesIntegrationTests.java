package org.onecampus.hall.templates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Every shipped service template, installed on the demo university and driven end to end by fitting demo applicants
 * and the approvers the engine names: installation is idempotent, each application ends APPROVED, and the hooks do
 * their part (a visitor pass that verifies, a room that cannot be booked twice, a certificate PDF that opens).
 */
@IntegrationTest
class ServiceTemplatesIntegrationTests extends TemplateTests {

	static final List<String> TEMPLATES = List.of("campus-entry", "classroom-booking", "cloud-server", "data-request",
			"dorm-repair", "enrolment-certificate", "it-project", "network-account", "official-seal", "overseas-trip",
			"system-filing");

	static String at(int daysAhead, int hour) {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(hour)
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	@Test
	void theDemoHasEveryTemplateInstalledAndInstallingAgainChangesNothing() {
		Response list = driver.as("admin").get("/api/v1/hall/templates");
		assertThat(list.status()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		list.json().forEach(t -> {
			codes.add(t.get("code").asString());
			assertThat(t.get("installed").get("installed").asBoolean()).as(t.toString()).isTrue();
			assertThat(t.get("installed").get("upToDate").asBoolean()).isTrue();
			assertThat(t.get("name").get("en-US").asString()).isNotBlank();
		});
		assertThat(codes).containsExactlyInAnyOrderElementsOf(TEMPLATES);
		TEMPLATES.forEach(code -> assertThat(driver.item(code).processKey()).isEqualTo(code));

		JsonNode before = list.json().get(codes.indexOf("cloud-server")).get("installed");
		Response again = driver.as("admin").postJson("/api/v1/hall/templates/cloud-server/installation", "");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("changed").asBoolean()).isFalse();
		assertThat(again.json().get("template").get("installed")).isEqualTo(before);

		// A template whose document changed since it was installed installs as a new version; the form and process
		// publish new versions only when they differ, so here they stay.
		jdbc.sql("update hall_template_installation set checksum = 'changed' where code = 'cloud-server'").update();
		Response changed = driver.as("admin").postJson("/api/v1/hall/templates/cloud-server/installation", "");
		assertThat(changed.json().get("changed").asBoolean()).isTrue();
		JsonNode after = changed.json().get("template").get("installed");
		assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
		assertThat(after.get("processVersion")).isEqualTo(before.get("processVersion"));
		assertThat(after.get("upToDate").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.template-installed' and target = 'service:cloud-server'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(2);

		assertProblem(driver.as("admin").postJson("/api/v1/hall/templates/no-such-template/installation", ""), 404, "resource.not-found");
		assertThat(driver.as("stu001").get("/api/v1/hall/templates").status()).isEqualTo(403);
		assertThat(driver.as("stu001").postJson("/api/v1/hall/templates/cloud-server/installation", "").status()).isEqualTo(403);
	}

	@Test
	void campusEntryIsApprovedByTheHostAndTheHostsDepartmentAndItsPassVerifies() throws Exception {
		String host = driver.person("fac001").toString();
		String form = """
				{"phone": "13800138000", "host": "%s", "visitFrom": "%s", "visitTo": "%s", "plateNumber": "京A12345",
				 "companions": 1, "purpose": "学术交流"}""".formatted(host, OffsetDateTime.now().plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), at(1, 18));
		Response badPlate = driver.as("visitor001").language("en-US").postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"campus-entry\", \"formData\": " + form.replace("京A12345", "ABC") + "}");
		assertProblem(badPlate, 422, "request.validation");
		assertThat(badPlate.json().get("errors").findValuesAsString("field")).containsExactly("plateNumber");
		assertThatThrownBy(() -> driver.submit("visitor001", "campus-entry",
				form.replace("\"visitTo\": \"" + at(1, 18), "\"visitTo\": \"" + at(0, 0))))
			.isInstanceOfSatisfying(PlatformException.class,
					ex -> assertThat(ex.fieldProblems()).extracting(PlatformException.FieldProblem::field).contains("visitTo"));

		TemplateDriver.Application app = driver.submit("visitor001", "campus-entry", form);
		List<String> nodes = driver.approveAll(app.instanceId(), "visitor001",
				Map.of("host", "fac001", "host_department", "head001"));
		assertThat(nodes).containsExactly("host", "host_department");
		assertThat(driver.instance(app.instanceId()).get("status").asString()).isEqualTo("APPROVED");

		List<ServiceHook.Result> results = driver.end(app, "APPROVED");
		assertThat(results).extracting(ServiceHook.Result::name).containsExactly("pass.png");
		String token = decodeQr(results.get(0).content());
		Response verified = driver.as("it001").get("/api/v1/hall/passes/verification?token=" + token);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("valid").asBoolean()).isTrue();
		assertThat(verified.json().get("kind").asString()).isEqualTo("VISITOR_PASS");
		assertThat(verified.json().get("plateNumber").asString()).isEqualTo("京A12345");
		assertThat(verified.json().get("holderName").asString()).isEqualTo("吴天宇");
		// The same pass again (results are downloadable more than once), a forged one, and no guard.
		assertThat(driver.end(app, "APPROVED").get(0).content()).isEqualTo(results.get(0).content());
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
		assertThat(driver.as("it001").get("/api/v1/hall/passes/verification?token=" + forged).json().get("reason").asString())
			.isEqualTo("FORGED");
		assertThat(driver.as("stu001").get("/api/v1/hall/passes/verification?token=" + token).status()).isEqualTo(403);
		jdbc.sql("update hall_pass set revoked_at = now() where application_id = :a").param("a", app.id()).update();
		assertThat(driver.as("it001").get("/api/v1/hall/passes/verification?token=" + token).json().get("reason").asString())
			.isEqualTo("REVOKED");
	}

	@Test
	void aRoomIsBookedOnceEvenConcurrentlyConfirmedOnApprovalAndReleasedOnRejection() throws Exception {
		String from = at(20, 14);
		String to = at(20, 16);
		String form = """
				{"phone": "13800138000", "campus": "MAIN", "room": "%s", "from": "%s", "to": "%s", "attendees": 40,
				 "activity": "lecture", "purpose": "人工智能前沿讲座"}""";
		TemplateDriver.Application app = driver.submit("stu001", "classroom-booking", form.formatted("MAIN-A101", from, to));

		Response rooms = driver.as("stu001").get("/api/v1/hall/rooms?campus=MAIN&from=" + encode(at(20, 15)) + "&to="
				+ encode(at(20, 17)) + "&capacity=50");
		assertThat(rooms.status()).as(rooms.body()).isEqualTo(200);
		assertThat(rooms.json().size()).isGreaterThan(20);
		rooms.json().forEach(r -> assertThat(r.get("room").get("capacity").asInt()).isGreaterThanOrEqualTo(50));
		JsonNode a101 = find(rooms.json(), "MAIN-A101");
		assertThat(a101.get("available").asBoolean()).isFalse();
		assertThat(find(rooms.json(), "MAIN-A102").get("available").asBoolean()).isTrue();
		assertThat(driver.as("stu001").get("/api/v1/hall/rooms").json().size()).isGreaterThanOrEqualTo(60);
		assertProblem(driver.as("stu001").get("/api/v1/hall/rooms?from=" + encode(to) + "&to=" + encode(from)), 422, "request.validation");

		// Overlapping the booking: refused on the room field, naming the booking; nothing started.
		assertThatThrownBy(() -> driver.submit("fac001", "classroom-booking", form.formatted("MAIN-A101", at(20, 15), at(20, 18))))
			.isInstanceOfSatisfying(PlatformException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(422);
				assertThat(ex.fieldProblems().get(0).field()).isEqualTo("room");
				assertThat(ex.fieldProblems().get(0).messageCode()).isEqualTo("hall.room.taken");
			});

		// A room of the other campus than the one chosen is refused on the room field.
		assertThatThrownBy(() -> driver.submit("fac001", "classroom-booking", form.formatted("EAST-D102", at(21, 8), at(21, 10))))
			.isInstanceOfSatisfying(PlatformException.class,
					ex -> assertThat(ex.fieldProblems().get(0).messageCode()).isEqualTo("hall.room.campus-mismatch"));

		// Two submissions for one free room and time at once: exactly one wins.
		String race = form.replace("\"MAIN\"", "\"EAST\"").formatted("EAST-D101", at(21, 8), at(21, 10));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Object>> outcomes = new ArrayList<>();
		for (String who : List.of("stu001", "grad001")) {
			Callable<Object> attempt = () -> {
				go.await();
				try {
					return driver.submit(who, "classroom-booking", race);
				}
				catch (PlatformException ex) {
					return ex;
				}
			};
			outcomes.add(pool.submit(attempt));
		}
		go.countDown();
		List<Object> results = new ArrayList<>();
		for (Future<Object> f : outcomes) {
			results.add(f.get());
		}
		pool.shutdown();
		assertThat(results).filteredOn(r -> r instanceof TemplateDriver.Application).hasSize(1);
		assertThat(results).filteredOn(r -> r instanceof PlatformException ex && ex.status().value() == 422).hasSize(1);

		driver.approveAll(app.instanceId(), "stu001", Map.of("unit_counsellor", "cou001"));
		assertThat(driver.instance(app.instanceId()).get("status").asString()).isEqualTo("APPROVED");
		driver.end(app, "APPROVED");
		assertThat(bookingStatus(app.id())).isEqualTo("CONFIRMED");

		TemplateDriver.Application refused = driver.submit("fac001", "classroom-booking", form.formatted("MAIN-B101", at(22, 9), at(22, 11)));
		driver.end(refused, "REJECTED");
		assertThat(bookingStatus(refused.id())).isEqualTo("RELEASED");
		assertThat(driver.submit("grad001", "classroom-booking", form.formatted("MAIN-B101", at(22, 9), at(22, 11)))).isNotNull();
	}

	@Test
	void enrolmentCertificateIsApprovedAtOnceAndPrintsAPdfWithAVerifiableQrCode() throws Exception {
		TemplateDriver.Application app = driver.submit("stu001", "enrolment-certificate",
				"{\"studentName\": \"冒名\", \"language\": \"zh\", \"usage\": \"visa\"}");
		assertThat(driver.instance(app.instanceId()).get("status").asString()).isEqualTo("APPROVED");
		List<ServiceHook.Result> results = driver.end(app, "APPROVED");
		assertThat(results).extracting(ServiceHook.Result::name).containsExactly("certificate.pdf");
		byte[] pdf = results.get(0).content();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("在读证明", "李明轩", "计算机学院").doesNotContain("冒名");
			BufferedImage qr = document.getPage(0).getResources().getXObjectNames().iterator().hasNext()
					? ((org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) document.getPage(0).getResources()
						.getXObject(document.getPage(0).getResources().getXObjectNames().iterator().next())).getImage()
					: null;
			assertThat(qr).isNotNull();
			String token = decodeQr(qr);
			Response check = new org.onecampus.support.ApiClient(port)
				.get("/api/v1/hall/passes/certificates/verification?token=" + token);
			assertThat(check.status()).as(check.body()).isEqualTo(200);
			assertThat(check.json().get("valid").asBoolean()).isTrue();
			assertThat(check.json().get("holderName").asString()).isEqualTo("李明轩");
		}
	}

	@Test
	void theHallsApplicationsRunTheHooks() {
		String booking = """
				{"serviceCode": "classroom-booking", "formData": {"phone": "13800138000", "campus": "EAST", "room": "EAST-E201",
				 "from": "%s", "to": "%s", "attendees": 20, "activity": "meeting", "purpose": "班团会议"}}""";
		Response first = driver.as("stu001").postJson("/api/v1/hall/applications", booking.formatted(at(25, 19), at(25, 21)),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Response taken = driver.as("grad001").language("en-US").postJson("/api/v1/hall/applications",
				booking.formatted(at(25, 20), at(25, 22)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertProblem(taken, 422, "request.validation");
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("room");
		assertThat(taken.json().get("errors").get(0).get("message").asString()).contains("EAST-E201", "already booked");
		Response withdrawn = driver.as("stu001").postJson("/api/v1/hall/applications/" + first.json().get("id").asString()
				+ "/withdrawal", "");
		assertThat(withdrawn.status()).as(withdrawn.body()).isIn(200, 204);
		assertThat(driver.as("grad001").postJson("/api/v1/hall/applications", booking.formatted(at(25, 20), at(25, 22)),
				Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);

		Response certificate = driver.as("grad001").postJson("/api/v1/hall/applications", """
				{"serviceCode": "enrolment-certificate", "formData": {"language": "en", "usage": "internship"}}""",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(certificate.status()).as(certificate.body()).isEqualTo(201);
		JsonNode view = driver.as("grad001").get("/api/v1/hall/applications/" + certificate.json().get("id").asString()).json();
		assertThat(view.get("status").asString()).isEqualTo("APPROVED");
		assertThat(view.get("results").findValuesAsString("name")).containsExactly("certificate.pdf");
		byte[] pdf = driver.as("grad001").download("/api/v1/hall/applications/" + view.get("id").asString()
				+ "/results/certificate.pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	static String encode(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	static JsonNode find(JsonNode rooms, String code) {
		for (JsonNode r : rooms) {
			if (r.get("room").get("code").asString().equals(code)) {
				return r;
			}
		}
		throw new AssertionError("no room " + code);
	}

	String bookingStatus(UUID applicationId) {
		return jdbc.sql("select status from hall_room_booking where application_id = :a").param("a", applicationId)
			.query(String.class).single();
	}

	static String decodeQr(byte[] png) throws Exception {
		return decodeQr(ImageIO.read(new ByteArrayInputStream(png)));
	}

	static String decodeQr(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
	}
}

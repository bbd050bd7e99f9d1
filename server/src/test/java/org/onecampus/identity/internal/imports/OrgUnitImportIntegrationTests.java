package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.DepartmentAdministrators;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrgUnitImportIntegrationTests {

	private static final String UNITS = "/api/v1/identity/imports/org-units";

	private static final String MIXED = "/api/v1/identity/imports";

	private static final String UNIT_HEADER = "code,name,nameEn,type,parentCode,validFrom,validTo,sortOrder\r\n";

	private static final String PEOPLE_HEADER = "name,affiliationType,identifier,orgUnitCode,startDate,endDate\r\n";

	private static final String POSITION_HEADER = "identifier,orgUnitCode,kind,subjectIdentifier,startDate,endDate\r\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	String p;

	@BeforeEach
	void signIn() {
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		p = "OU" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
	}

	@Test
	void aTreeIsCreatedParentsFirstAndImportingAgainUpdatesItByCode() {
		String csv = UNIT_HEADER + p + "A,人工智能研究院,AI Institute,OFFICE,CS,2026-01-01,,5\r\n"
				+ p + "B,机器学习课题组,,RESEARCH_GROUP," + p + "A,2026/2/1,,\r\n"
				+ p + "C,视觉课题组,,research_group," + p + "B,,,\r\n";

		ApiClient.Response first = Uploads.upload(admin, UNITS, "units.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("created").asInt()).isEqualTo(3);
		assertThat(parentCode(p + "B")).isEqualTo(p + "A");
		assertThat(parentCode(p + "C")).isEqualTo(p + "B");
		assertThat(jdbc.sql("select sort_order from identity_org_unit where code = :c").param("c", p + "A").query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(audited("identity.org-units.imported")).isPositive();

		String changed = UNIT_HEADER + p + "A,人工智能学院,AI School,COLLEGE,CS,2026-01-01,,7\r\n";
		ApiClient.Response second = Uploads.upload(admin, UNITS, "units.csv", changed.getBytes(StandardCharsets.UTF_8));

		assertThat(second.json().get("updated").asInt()).isEqualTo(1);
		assertThat(second.json().get("created").asInt()).isZero();
		assertThat(jdbc.sql("select name || '/' || type || '/' || sort_order from identity_org_unit where code = :c")
			.param("c", p + "A").query(String.class).single()).isEqualTo("人工智能学院/COLLEGE/7");
	}

	@Test
	void movingAUnitTakesItsWholeSubtreeAlong() {
		importUnits(UNIT_HEADER + p + "A,甲,,OFFICE,CS,,,\r\n" + p + "B,乙,,OFFICE," + p + "A,,,\r\n" + p + "C,丙,,OFFICE," + p + "B,,,\r\n");

		ApiClient.Response moved = Uploads.upload(admin, UNITS, "units.csv",
				(UNIT_HEADER + p + "A,甲,,OFFICE,ITC,,,\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(parentCode(p + "A")).isEqualTo("ITC");
		assertThat(jdbc.sql("""
				with recursive below(id, code) as (select id, code from identity_org_unit where code = 'ITC'
				  union select o.id, o.code from identity_org_unit o join below b on o.parent_id = b.id)
				select count(*) from below where code like :p""").param("p", p + "%").query(Integer.class).single()).isEqualTo(3);
		assertThat(audited("identity.org-unit.changed", "org-unit:" + p + "A")).isEqualTo(1);
	}

	@Test
	void cyclesUnknownParentsAndLaterParentsAreReportedPerRowAndNothingIsWritten() {
		importUnits(UNIT_HEADER + p + "A,甲,,OFFICE,CS,,,\r\n" + p + "B,乙,,OFFICE," + p + "A,,,\r\n");
		String csv = UNIT_HEADER + p + "A,甲,,OFFICE," + p + "B,,,\r\n"
				+ p + "X,未知上级,,OFFICE,NO-SUCH-UNIT,,,\r\n"
				+ p + "Y,上级在后,,OFFICE," + p + "Z,,,\r\n"
				+ p + "Z,后来者,,OFFICE,CS,,,\r\n"
				+ p + "W,坏类型,,FACULTY,CS,2026-01-01,2025-01-01,x\r\n";

		ApiClient.Response response = Uploads.upload(admin, UNITS, "units.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(422);
		JsonNode report = response.json();
		assertThat(report.get("applied").asBoolean()).isFalse();
		assertThat(report.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.containsExactly("2:parentCode", "3:parentCode", "4:parentCode", "6:type", "6:sortOrder");
		assertThat(report.get("errors").get(1).get("message").asString()).contains("NO-SUCH-UNIT");
		assertThat(report.get("valid").asInt()).isEqualTo(1);
		assertThat(parentCode(p + "A")).isEqualTo("CS");
		assertThat(jdbc.sql("select count(*) from identity_org_unit where code in (:c)").param("c", List.of(p + "X", p + "Z"))
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aUnitWithMembersOrPositionsCannotBeClosedByAnImport() {
		String units = UNIT_HEADER + p + "A,在用单位,,OFFICE,CS,2026-01-01,,\r\n";
		ApiClient.Response created = Uploads.uploadParts(admin, MIXED, Map.of(
				"org-units", Uploads.Part.csv("units", units),
				"people", Uploads.Part.csv("people", PEOPLE_HEADER + "成员,STAFF," + p + "1," + p + "A,2026-01-01,\r\n"),
				"positions", Uploads.Part.csv("positions", POSITION_HEADER + p + "1," + p + "A,HEAD,,2026-01-01,\r\n")));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.json().get("created").asInt()).isEqualTo(3);

		ApiClient.Response closing = Uploads.upload(admin, UNITS, "units.csv",
				(UNIT_HEADER + p + "A,在用单位,,OFFICE,CS,2026-01-01,2026-06-30,\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(closing.status()).isEqualTo(422);
		JsonNode error = closing.json().get("errors").get(0);
		assertThat(error.get("column").asString()).isEqualTo("validTo");
		assertThat(error.get("message").asString()).contains("1");
		assertThat(jdbc.sql("select valid_to is null from identity_org_unit where code = :c").param("c", p + "A")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aThreeSheetWorkbookAppliesOrgUnitsPeopleAndPositionsTogetherOrNotAtAll() throws IOException {
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		sheets.put("组织机构", List.of(List.of("单位代码", "名称", "类型", "上级单位代码"), List.of(p + "A", "新研究所", "OFFICE", "CS"),
				List.of(p + "B", "新班级", "CLASS", p + "A")));
		sheets.put("人员", List.of(List.of("姓名", "身份类型", "学号/工号", "单位代码", "开始日期"),
				List.of("所长", "FACULTY", p + "1", p + "A", "2026-01-01"), List.of("学生", "UNDERGRADUATE", p + "2", p + "B", "2026-09-01")));
		List<List<String>> positions = List.of(List.of("学号/工号", "单位代码", "职务"), List.of(p + "1", p + "A", "HEAD"),
				List.of(p + "1", p + "B", "CLASS_ADVISOR"));
		sheets.put("职务", positions);

		List<List<String>> badPositions = List.of(positions.get(0), positions.get(1), List.of(p + "1", p + "B", "KING"));
		Map<String, List<List<String>>> bad = new LinkedHashMap<>(sheets);
		bad.put("职务", badPositions);
		ApiClient.Response refused = Uploads.upload(admin, MIXED, "all.xlsx", workbook(bad));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("kind").asString() + ":" + e.get("row").asInt()
				+ ":" + e.get("column").asString())).containsExactly("positions:3:kind");
		assertThat(refused.json().get("valid").asInt()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from identity_org_unit where code like :p").param("p", p + "%").query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from identity_affiliation where identifier like :p").param("p", p + "%")
			.query(Integer.class).single()).isZero();

		ApiClient.Response applied = Uploads.upload(admin, MIXED, "all.xlsx", workbook(sheets));

		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("kinds").valueStream().map(k -> k.get("kind").asString() + ":" + k.get("created").asInt()))
			.containsExactly("org-units:2", "people:2", "positions:2");
		assertThat(jdbc.sql("""
				select count(*) from identity_position po join identity_org_unit o on o.id = po.org_unit_id
				where o.code like :p""").param("p", p + "%").query(Integer.class).single()).isEqualTo(2);

		ApiClient.Response again = Uploads.upload(admin, MIXED, "all.xlsx", workbook(sheets));
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("updated").asInt()).isEqualTo(6);
	}

	@Test
	void aDepartmentAdministratorImportsOnlyWithinTheirSubtree() {
		String username = DepartmentAdministrators.peopleAdmin(jdbc, "CS", p);
		ApiClient scoped = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);

		ApiClient.Response outside = Uploads.upload(scoped, UNITS, "units.csv",
				(UNIT_HEADER + p + "A,别院单位,,OFFICE,ITC,,,\r\n" + "ITC,信息化中心,,OFFICE,CS,,,\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.json().get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.containsExactly("2:parentCode", "3:code");

		ApiClient.Response inside = Uploads.uploadParts(scoped, MIXED, Map.of(
				"org-units", Uploads.Part.csv("units", UNIT_HEADER + p + "A,院内单位,,OFFICE,CS,,,\r\n"),
				"people", Uploads.Part.csv("people", PEOPLE_HEADER + "院内成员,STAFF," + p + "1," + p + "A,2026-01-01,\r\n")));
		assertThat(inside.status()).as(inside.body()).isEqualTo(200);
		assertThat(parentCode(p + "A")).isEqualTo("CS");

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(Uploads.upload(student, UNITS, "units.csv", UNIT_HEADER.getBytes(StandardCharsets.UTF_8)),
				403, "auth.forbidden");
	}

	@Test
	void theTemplatesParseBackAsValidImportsInBothLanguages() throws IOException {
		for (String language : List.of("zh-CN", "en-US")) {
			ApiClient reader = admin.language(language);
			for (String kind : List.of("org-units", "people")) {
				ApiClient.Response template = reader.get("/api/v1/identity/imports/templates/" + kind + ".csv", "text/csv");
				assertThat(template.status()).isEqualTo(200);
				ApiClient.Response check = Uploads.upload(reader, "/api/v1/identity/imports/" + kind + "?dryRun=true",
						kind + ".csv", template.body().getBytes(StandardCharsets.UTF_8));
				assertThat(check.json().get("errors").size()).as(language + " " + kind + " " + check.body()).isZero();
			}
			byte[] all = Templates.xlsx(List.of(ImportKind.values()), Locale.forLanguageTag(language));
			ApiClient.Response check = Uploads.upload(reader, MIXED + "?dryRun=true", "all.xlsx", all);
			assertThat(check.json().get("valid").asInt()).as(check.body()).isEqualTo(3);
			assertThat(check.json().get("errors").size()).isZero();
		}
		assertThat(admin.language("zh-CN").get("/api/v1/identity/imports/templates/positions.csv", "text/csv").body())
			.startsWith("\uFEFF学号/工号,单位代码,职务");
		assertThat(admin.get("/api/v1/identity/imports/templates/all.xlsx", "*/*").body()).startsWith("PK");
		assertThat(jdbc.sql("select count(*) from identity_org_unit where code = 'CS-RG-NLP'").query(Integer.class).single()).isZero();
	}

	private void importUnits(String csv) {
		ApiClient.Response response = Uploads.upload(admin, UNITS, "units.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private String parentCode(String code) {
		return jdbc.sql("select p.code from identity_org_unit o join identity_org_unit p on p.id = o.parent_id where o.code = :c")
			.param("c", code).query(String.class).single();
	}

	private int audited(String action) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a").param("a", action).query(Integer.class).single();
	}

	private int audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and target = :t").param("a", action)
			.param("t", target).query(Integer.class).single();
	}

	private static byte[] workbook(Map<String, List<List<String>>> sheets) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheets.forEach((name, rows) -> {
				var sheet = workbook.createSheet(name);
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < rows.get(r).size(); c++) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			});
			workbook.write(out);
			return out.toByteArray();
		}
	}
}

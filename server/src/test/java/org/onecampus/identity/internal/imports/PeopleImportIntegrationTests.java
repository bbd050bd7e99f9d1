package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.demo.ChineseIdNumbers;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PeopleImportIntegrationTests {

	private static final String PATH = "/api/v1/identity/imports/people";

	private static final String HEADER = "name,nameEn,gender,phone,email,idCard,affiliationType,identifier,orgUnitCode,startDate,endDate\r\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	String prefix;

	@BeforeEach
	void signIn() {
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		prefix = "IMP" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
	}

	@Test
	void theCsvTemplateHasChineseHeadersForChineseReadersAndEnglishOnesOtherwise() {
		ApiClient.Response chinese = admin.get("/api/v1/identity/imports/templates/people.csv", "text/csv");
		ApiClient.Response english = admin.language("en-US").get("/api/v1/identity/imports/templates/people.csv", "text/csv");

		assertThat(chinese.status()).isEqualTo(200);
		assertThat(chinese.body()).startsWith("\uFEFF姓名,英文名,性别");
		assertThat(english.body()).startsWith("\uFEFF" + HEADER.strip());
		assertThat(english.header("Content-Disposition")).contains("people.csv");
	}

	@Test
	void theExcelTemplateIsAnXlsxWorkbook() {
		ApiClient.Response template = admin.get("/api/v1/identity/imports/templates/people.xlsx", "*/*");

		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(template.body()).startsWith("PK");
	}

	@Test
	void aCsvWithBomCreatesPeopleAndImportingAgainUpdatesThemBy学号() {
		String idCard = ChineseIdNumbers.compose("990101", LocalDate.of(1951, 1, 1), ThreadLocalRandom.current().nextInt(1, 999));
		String csv = "\uFEFF" + HEADER + "王小明,Wang Xiaoming,男,13800000001,wxm@example.edu.cn," + idCard
				+ ",UNDERGRADUATE," + prefix + "1,CS,2026-09-01,\r\n" + "\"李, 四\",,F,,,,FACULTY," + prefix + "2,CS,2020/3/1,\r\n";

		ApiClient.Response first = Uploads.upload(admin, PATH, "people.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(first.status()).isEqualTo(200);
		JsonNode report = first.json();
		assertThat(report.get("rows").asInt()).isEqualTo(2);
		assertThat(report.get("valid").asInt()).isEqualTo(2);
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("applied").asBoolean()).isTrue();
		assertThat(nameOf(prefix + "2")).isEqualTo("李, 四");
		assertThat(jdbc.sql("""
				select p.id_card_masked from identity_person p join identity_affiliation a on a.person_id = p.id
				where a.identifier = :i""").param("i", prefix + "1").query(String.class).single())
			.isEqualTo(ChineseIdNumbers.mask(idCard));
		assertThat(audited("identity.people.imported")).isPositive();

		String changed = HEADER + "王晓明,Wang Xiaoming,M,13800000001,wxm@example.edu.cn,,UNDERGRADUATE," + prefix
				+ "1,CS,2026-09-01,\r\n";
		ApiClient.Response second = Uploads.upload(admin, PATH, "people.csv", changed.getBytes(StandardCharsets.UTF_8));

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("updated").asInt()).isEqualTo(1);
		assertThat(second.json().get("created").asInt()).isZero();
		assertThat(nameOf(prefix + "1")).isEqualTo("王晓明");
		assertThat(jdbc.sql("select count(*) from identity_affiliation where identifier = :i").param("i", prefix + "1")
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aDryRunReportsTheProblemOfEveryRowAndWritesNothing() {
		String csv = HEADER + "好人,,M,,,,STAFF," + prefix + "1,ITC,2026-01-01,\r\n"
				+ "无单位,,M,,,,STAFF," + prefix + "2,NO-SUCH-UNIT,2026-01-01,\r\n"
				+ "坏日期,,X,,,,STAFF," + prefix + "3,ITC,someday,\r\n"
				+ "重复,,M,,,,STAFF," + prefix + "1,ITC,2026-01-01,\r\n"
				+ "外聘,,M,,,,CONTRACTOR," + prefix + "5,ITC,2026-01-01,\r\n";

		ApiClient.Response response = Uploads.upload(admin, PATH + "?dryRun=true", "people.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("rows").asInt()).isEqualTo(5);
		assertThat(report.get("valid").asInt()).isEqualTo(1);
		assertThat(report.get("applied").asBoolean()).isFalse();
		assertThat(report.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.containsExactly("3:orgUnitCode", "4:gender", "4:startDate", "5:identifier", "6:endDate");
		assertThat(report.get("errors").get(0).get("message").asString()).contains("NO-SUCH-UNIT");
		assertThat(count(prefix)).isZero();
	}

	@Test
	void anImportWithOneBadRowIsRefusedWholeWithTheReport() {
		String csv = HEADER + "好人,,M,,,,STAFF," + prefix + "1,ITC,2026-01-01,\r\n"
				+ "坏人,,M,,,,NOBODY," + prefix + "2,ITC,2026-01-01,\r\n";

		ApiClient.Response response = Uploads.upload(admin, PATH, "people.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("column").asString()).isEqualTo("affiliationType");
		assertThat(count(prefix)).isZero();
	}

	@Test
	void anImportThatBreaksARuleOfThePeopleAdministrationIsRefusedWhole() {
		String csv = HEADER + "好人,,M,,,,STAFF," + prefix + "1,ITC,2026-01-01,\r\n"
				+ "结束早于开始,,M,,,,STAFF," + prefix + "2,ITC,2026-01-01,2025-01-01\r\n";

		ApiClient.Response response = Uploads.upload(admin, PATH, "people.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(response.json().get("errors").get(0).get("column").asString()).isEqualTo("endDate");
		assertThat(count(prefix)).isZero();
	}

	@Test
	void aRefusedRowLeavesNothingBehindThatTheNextRowsCouldTripOver() {
		String idCard = ChineseIdNumbers.compose("990102", LocalDate.of(1952, 2, 2), ThreadLocalRandom.current().nextInt(1, 999));
		String csv = HEADER + "先错,,M,,," + idCard + ",STAFF," + prefix + "1,ITC,2026-01-01,2025-01-01\r\n"
				+ "后对,,M,,," + idCard + ",STAFF," + prefix + "2,ITC,2026-01-01,\r\n";

		ApiClient.Response response = Uploads.upload(admin, PATH + "?dryRun=true", "people.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.json().get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()))
			.containsExactly("2:endDate");
		assertThat(response.json().get("valid").asInt()).isEqualTo(1);
	}

	@Test
	void anExcelWorkbookWithChineseHeadersAndDateCellsImports() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("人员");
			String[] headers = { "姓名", "身份类型", "学号/工号", "单位代码", "开始日期", "结束日期" };
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				header.createCell(i).setCellValue(headers[i]);
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("访问学者");
			row.createCell(1).setCellValue("VISITING_SCHOLAR");
			row.createCell(2).setCellValue(prefix + "1");
			row.createCell(3).setCellValue("INTL");
			row.createCell(4).setCellValue(LocalDate.of(2026, 3, 1));
			row.getCell(4).setCellStyle(date);
			row.createCell(5).setCellValue(LocalDate.of(2027, 2, 28));
			row.getCell(5).setCellStyle(date);
			workbook.write(out);
			xlsx = out.toByteArray();
		}

		ApiClient.Response response = Uploads.upload(admin, PATH, "人员.xlsx", xlsx);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("created").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("select end_date from identity_affiliation where identifier = :i").param("i", prefix + "1")
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void filesThatAreTooLargeOfTheWrongTypeOrMalformedAreRefusedWithAProblem() {
		ProblemAssertions.assertProblem(Uploads.upload(admin, PATH, "big.csv", new byte[10 * 1024 * 1024 + 1]), 413,
				"identity.import.too-large");
		ProblemAssertions.assertProblem(Uploads.upload(admin, PATH, "people.txt", HEADER.getBytes(StandardCharsets.UTF_8)),
				415, "identity.import.file-type");
		ProblemAssertions.assertProblem(Uploads.upload(admin, PATH, "people.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)),
				422, "identity.import.unreadable");
		ProblemAssertions.assertProblem(Uploads.upload(admin, PATH, "people.csv", new byte[] { (byte) 0xC3, 0x28 }),
				422, "identity.import.unreadable");
		ProblemAssertions.assertProblem(Uploads.upload(admin, PATH, "people.csv", "name,phone\r\n张三,1\r\n".getBytes(StandardCharsets.UTF_8)),
				422, "identity.import.missing-column");
	}

	@Test
	void aMemberMayNotImportPeople() {
		ApiClient member = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);

		assertThat(Uploads.upload(member, PATH, "people.csv", HEADER.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
	}

	private String nameOf(String identifier) {
		return jdbc.sql("select p.name from identity_person p join identity_affiliation a on a.person_id = p.id where a.identifier = :i")
			.param("i", identifier).query(String.class).single();
	}

	private int count(String identifierPrefix) {
		return jdbc.sql("select count(*) from identity_affiliation where identifier like :p").param("p", identifierPrefix + "%")
			.query(Integer.class).single();
	}

	private int audited(String action) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a").param("a", action).query(Integer.class).single();
	}
}

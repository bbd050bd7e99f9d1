package org.onecampus.hall.internal.statistics;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.onecampus.hall.internal.statistics.StatisticsFixtures.on;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Every figure of the dashboard against a small fixture whose answers are worked out by hand (March 2020 has no
 * holidays, so working days are Monday to Friday), department scoping, and the workbook export.
 */
@IntegrationTest
class StatisticsIntegrationTests {

	static final String PASSWORD = "Xq7!campus-Demo";

	static final LocalDate MON = LocalDate.of(2020, 3, 2);

	static final String RANGE = "from=2020-03-01&to=2020-03-31";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	JsonMapper json;

	@Autowired
	Rollups rollups;

	@Autowired
	org.onecampus.workflow.ProcessStatistics calendar;

	StatisticsFixtures fixtures;

	UUID departmentA;

	UUID departmentB;

	ServiceItem crossing;

	ServiceItem plain;

	ServiceItem other;

	String suffix;

	@BeforeEach
	void fixture() {
		fixtures = new StatisticsFixtures(jdbc, catalogue, json);
		suffix = UUID.randomUUID().toString().substring(0, 6);
		departmentA = fixtures.department("统计测试处甲");
		departmentB = fixtures.department("统计测试处乙");
		crossing = fixtures.item("stat-a1-" + suffix, "跨部门事项", departmentA, List.of(departmentB), 2);
		plain = fixtures.item("stat-a2-" + suffix, "本部门事项", departmentA, List.of(), null);
		other = fixtures.item("stat-b1-" + suffix, "乙处事项", departmentB, List.of(), 1);
		// 2 h, one-time, within the promise
		UUID quick = fixtures.application(crossing, on(MON, 9, 0), on(MON, 11, 0), "APPROVED", 0);
		// 96 h, returned once, promise (2 working days) ended Wednesday 10:00: a breach
		UUID slow = fixtures.application(crossing, on(MON, 10, 0), on(MON.plusDays(4), 10, 0), "APPROVED", 1);
		// Friday 10:00 to Monday 09:00 = 71 h: over 2 calendar days but within 2 working days (Tuesday 10:00)
		fixtures.application(crossing, on(MON.plusDays(4), 10, 0), on(MON.plusDays(7), 9, 0), "REJECTED", 0);
		fixtures.application(crossing, on(MON.plusDays(1), 10, 0), on(MON.plusDays(1), 12, 0), "WITHDRAWN", 0);
		fixtures.application(crossing, on(MON.plusDays(2), 10, 0), null, "RUNNING", 0);
		// 30 min, no promise
		fixtures.application(plain, on(MON.plusDays(1), 8, 0), on(MON.plusDays(1), 8, 30), "APPROVED", 0);
		UUID elsewhere = fixtures.application(other, on(MON.plusDays(3), 9, 0), on(MON.plusDays(3), 10, 0), "APPROVED", 0);
		fixtures.evaluation(quick, 5, "办得很快", on(MON, 12, 0));
		fixtures.evaluation(slow, 3, "退回了一次", on(MON.plusDays(5), 9, 0));
		fixtures.evaluation(elsewhere, 4, null, on(MON.plusDays(3), 11, 0));
		rollups.drain(true);
	}

	ApiClient signIn(String username) {
		return new ApiClient(port).signIn(username, PASSWORD);
	}

	JsonNode get(ApiClient client, String path) {
		ApiClient.Response response = client.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void figuresOfADepartmentMatchTheFixture() {
		ApiClient admin = signIn("admin");
		JsonNode overview = get(admin, "/api/v1/hall/statistics/overview?" + RANGE + "&department=" + departmentA);
		JsonNode totals = overview.get("totals");
		assertThat(totals.get("submitted").asLong()).isEqualTo(6);
		assertThat(totals.get("crossSubmitted").asLong()).isEqualTo(5);
		assertThat(totals.get("ended").asLong()).isEqualTo(5);
		assertThat(totals.get("completed").asLong()).isEqualTo(4);
		assertThat(totals.get("oneTime").asLong()).isEqualTo(3);
		assertThat(totals.get("oneTimeRate").asDouble()).isEqualTo(0.75);
		assertThat(totals.get("averageSeconds").asDouble()).isCloseTo((2 + 96 + 71 + 0.5) * 3600 / 4, within(0.001));
		// nearest-rank p90 of 0.5, 2, 71 and 96 hours is 96 h; the rollup estimates it inside its bucket (±20 %)
		assertThat(totals.get("p90Seconds").asDouble()).isCloseTo(96 * 3600, withinPercentage(20));
		assertThat(totals.get("promised").asLong()).isEqualTo(3);
		assertThat(totals.get("breaches").asLong()).isEqualTo(1);
		assertThat(totals.get("ratingCount").asLong()).isEqualTo(2);
		assertThat(totals.get("ratingAverage").asDouble()).isEqualTo(4.0);
		assertThat(totals.get("stars").toString()).isEqualTo("[0,0,1,0,1]");
		assertThat(overview.get("granularity").asString()).isEqualTo("DAY");
		assertThat(overview.get("series")).hasSize(31);
		assertThat(overview.get("series").get(1).get("submitted").asLong()).isEqualTo(2);
		assertThat(overview.get("series").get(1).get("completed").asLong()).isEqualTo(1);
		assertThat(overview.get("recentComments")).extracting(c -> c.get("comment").asString())
			.containsExactly("退回了一次", "办得很快");

		JsonNode services = get(admin, "/api/v1/hall/statistics/services?" + RANGE + "&department=" + departmentA).get("items");
		assertThat(services).extracting(s -> s.get("code").asString()).containsExactly(crossing.code(), plain.code());
		JsonNode first = services.get(0);
		assertThat(first.get("ownerOrgUnit").get("name").asString()).isEqualTo("统计测试处甲");
		assertThat(first.get("figures").get("submitted").asLong()).isEqualTo(5);
		assertThat(first.get("figures").get("breachRate").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(first.get("figures").get("oneTimeRate").asDouble()).isCloseTo(2 / 3.0, within(1e-9));

		JsonNode kpis = get(admin, "/api/v1/hall/statistics/kpis?" + RANGE + "&department=" + departmentA);
		assertThat(kpis.get("onlineServices").asLong()).isEqualTo(2);
		assertThat(kpis.get("onlineServicesGoal").asLong()).isEqualTo(100);
		assertThat(kpis.get("crossDepartmentServices").asLong()).isEqualTo(1);
		assertThat(kpis.get("crossDepartmentShare").asDouble()).isEqualTo(0.5);
		assertThat(kpis.get("crossDepartmentGoal").asDouble()).isEqualTo(0.3);
		assertThat(kpis.get("oneTimeRate").asDouble()).isEqualTo(0.75);
		assertThat(kpis.get("oneTimeGoal").asDouble()).isEqualTo(0.7);
		assertThat(kpis.get("crossDepartmentApplicationShare").asDouble()).isCloseTo(5 / 6.0, within(1e-9));
	}

	@Test
	void topColdAndDepartmentComparison() {
		ApiClient admin = signIn("admin");
		JsonNode top = get(admin, "/api/v1/hall/statistics/top?" + RANGE + "&department=" + departmentA).get("items");
		assertThat(top).extracting(s -> s.get("code").asString()).containsExactly(crossing.code(), plain.code());
		JsonNode cold = get(admin, "/api/v1/hall/statistics/cold?" + RANGE + "&department=" + departmentA + "&threshold=1");
		assertThat(cold.get("items")).extracting(s -> s.get("code").asString()).containsExactly(plain.code());
		assertThat(cold.get("items").get(0).get("submitted").asLong()).isEqualTo(1);
		ServiceItem unused = fixtures.item("stat-a3-" + suffix, "无人问津事项", departmentA, List.of(), 5);
		cold = get(admin, "/api/v1/hall/statistics/cold?" + RANGE + "&department=" + departmentA + "&threshold=0");
		assertThat(cold.get("items")).extracting(s -> s.get("code").asString()).containsExactly(unused.code());

		JsonNode departments = get(admin, "/api/v1/hall/statistics/departments?" + RANGE).get("items");
		Map<String, JsonNode> byName = new java.util.HashMap<>();
		departments.forEach(d -> byName.put(d.get("orgUnit").get("id").asString(), d));
		assertThat(byName.get(departmentA.toString()).get("figures").get("submitted").asLong()).isEqualTo(6);
		assertThat(byName.get(departmentA.toString()).get("services").asLong()).isEqualTo(2);
		assertThat(byName.get(departmentB.toString()).get("figures").get("completed").asLong()).isEqualTo(1);
		assertThat(byName.get(departmentB.toString()).get("figures").get("breaches").asLong()).isZero();
	}

	@Test
	void aDepartmentAdministratorSeesOnlyTheirDepartment() {
		ApiClient scoped = signIn(fixtures.serviceAdmin(departmentA, suffix));
		JsonNode services = get(scoped, "/api/v1/hall/statistics/services?" + RANGE).get("items");
		assertThat(services).extracting(s -> s.get("code").asString()).containsExactly(crossing.code(), plain.code());
		JsonNode departments = get(scoped, "/api/v1/hall/statistics/departments?" + RANGE).get("items");
		assertThat(departments).extracting(d -> d.get("orgUnit").get("id").asString())
			.containsExactly(departmentA.toString());
		assertThat(get(scoped, "/api/v1/hall/statistics/overview?" + RANGE).get("totals").get("submitted").asLong())
			.isEqualTo(6);
		assertThat(get(scoped, "/api/v1/hall/statistics/kpis?" + RANGE).get("onlineServices").asLong()).isEqualTo(2);
		assertProblem(scoped.get("/api/v1/hall/statistics/overview?" + RANGE + "&department=" + departmentB), 404,
				"resource.not-found");
		assertProblem(scoped.get("/api/v1/hall/statistics/services?" + RANGE + "&service=" + other.code()), 404,
				"resource.not-found");
		assertThat(signIn("stu001").get("/api/v1/hall/statistics/overview").status()).isEqualTo(403);
		assertThat(scoped.postJson("/api/v1/hall/statistics/rebuild", "{}").status()).isEqualTo(403);
	}

	@Test
	void nodeTimesComeFromTheWorkflowTaskProjection() {
		Map<String, Object> version = jdbc.sql("select process_key, version from workflow_process_version order by process_key, version limit 1")
			.query().singleRow();
		String processKey = (String) version.get("process_key");
		ServiceItem item = fixtures.item("stat-n-" + suffix, "环节测试事项", departmentA, List.of(), 2, processKey);
		double[][] hours = { { 1, 0.5 }, { 2, 0.5 }, { 3 }, { 10 } };
		for (double[] instance : hours) {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into workflow_instance (id, process_key, version, applicant_id, status, started_at, ended_at)
					values (:id, :key, :version, :applicant, 'APPROVED', :at, :at)""").param("id", id).param("key", processKey)
				.param("version", version.get("version")).param("applicant", UUID.randomUUID())
				.param("at", StatisticsFixtures.at(on(MON, 9, 0))).update();
			for (int node = 0; node < instance.length; node++) {
				jdbc.sql("""
						insert into workflow_task (id, instance_id, node_id, node_name, node_type, assignee_id, status, outcome,
						  created_at, ended_at)
						values (:task, :id, :node, cast(:name as jsonb), 'APPROVER', :assignee, 'DONE', 'APPROVED', :created,
						  cast(:created as timestamptz) + make_interval(secs => :seconds))""")
					.param("task", "stat-" + UUID.randomUUID()).param("id", id).param("node", node == 0 ? "stat-first" : "stat-second")
					.param("name", node == 0 ? "{\"zh-CN\": \"部门审批\", \"en-US\": \"Department\"}"
							: "{\"zh-CN\": \"归档\", \"en-US\": \"Filing\"}")
					.param("assignee", UUID.randomUUID()).param("created", StatisticsFixtures.at(on(MON, 9 + node, 0)))
					.param("seconds", instance[node] * 3600).update();
			}
		}
		JsonNode nodes = get(signIn("admin"), "/api/v1/hall/statistics/nodes?" + RANGE + "&service=" + item.code());
		assertThat(nodes.get("processKey").asString()).isEqualTo(processKey);
		assertThat(nodes.get("items")).extracting(n -> n.get("nodeName").asString()).containsExactly("部门审批", "归档");
		JsonNode first = nodes.get("items").get(0);
		assertThat(first.get("count").asLong()).isEqualTo(4);
		assertThat(first.get("averageSeconds").asDouble()).isCloseTo(4 * 3600, within(0.01));
		assertThat(first.get("p90Seconds").asDouble()).isCloseTo(7.9 * 3600, within(0.01));
		assertThat(nodes.get("items").get(1).get("count").asLong()).isEqualTo(2);
		assertThat(nodes.get("items").get(1).get("averageSeconds").asDouble()).isCloseTo(1800, within(0.01));
	}

	@Test
	void timeOnHoldPushesThePromiseBack() {
		UUID department = fixtures.department("统计测试处丙");
		ServiceItem item = fixtures.item("stat-c1-" + suffix, "挂起事项", department, List.of(), 1);
		// both took 48 h against a promise of one working day (Tuesday 10:00); the second was on hold for 30 h
		fixtures.application(item, on(MON, 10, 0), on(MON.plusDays(2), 10, 0), "APPROVED", 0);
		UUID held = fixtures.application(item, on(MON, 10, 0), on(MON.plusDays(2), 10, 0), "APPROVED", 0);
		jdbc.sql("update hall_application set suspended_seconds = 30 * 3600 where id = :id").param("id", held).update();
		rollups.drain(true);
		JsonNode totals = get(signIn("admin"), "/api/v1/hall/statistics/overview?" + RANGE + "&department=" + department)
			.get("totals");
		assertThat(totals.get("promised").asLong()).isEqualTo(2);
		assertThat(totals.get("breaches").asLong()).isEqualTo(1);
	}

	@Test
	void promisesCountWorkingDays() {
		java.time.Instant friday = StatisticsFixtures.at(on(MON.plusDays(4), 10, 0)).toInstant();
		assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(StatisticsFixtures.at(on(MON.plusDays(7), 10, 0)).toInstant());
	}

	@Test
	void badFiltersAreProblems() {
		ApiClient admin = signIn("admin");
		assertProblem(admin.get("/api/v1/hall/statistics/overview?from=2020-03-31&to=2020-03-01"), 422, "request.validation");
		assertProblem(admin.get("/api/v1/hall/statistics/overview?from=2010-01-01&to=2020-03-01"), 422, "request.validation");
		assertProblem(admin.get("/api/v1/hall/statistics/overview?granularity=YEAR"), 422, "request.validation");
		assertProblem(admin.get("/api/v1/hall/statistics/cold?threshold=-1"), 422, "request.validation");
		ApiClient.Response english = new ApiClient(port).language("en-US").signIn("admin", PASSWORD)
			.get("/api/v1/hall/statistics/overview?from=2020-03-31&to=2020-03-01");
		assertThat(english.body()).contains("must not be after");
		assertThat(admin.get("/api/v1/hall/statistics/overview?from=2020-03-31&to=2020-03-01").body()).contains("不能晚于");
		assertThat(admin.get("/api/v1/hall/statistics/overview?from=yesterday").status()).isBetween(400, 422);
		assertProblem(admin.get("/api/v1/hall/statistics/nodes?service=no-such-item"), 404, "resource.not-found");
	}

	@Test
	void theWorkbookHasEveryTableInTheRequestLanguage() throws Exception {
		byte[] chinese = signIn("admin").download("/api/v1/hall/statistics/export.xlsx?" + RANGE + "&department=" + departmentA);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(chinese))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("关键指标", "办件量", "事项", "TOP20", "部门", "冷门事项", "环节耗时", "好差评", "最新评价");
			Sheet items = workbook.getSheet("事项");
			assertThat(items.getRow(0).getCell(1).getStringCellValue()).isEqualTo("事项");
			assertThat(items.getLastRowNum()).isEqualTo(2);
			assertThat(items.getRow(1).getCell(0).getStringCellValue()).isEqualTo(crossing.code());
			assertThat(items.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(5);
			assertThat(workbook.getSheet("办件量").getLastRowNum()).isEqualTo(31);
			assertThat(workbook.getSheet("关键指标").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(0.75);
		}
		byte[] english = new ApiClient(port).language("en-US").signIn("admin", PASSWORD)
			.download("/api/v1/hall/statistics/export.xlsx?" + RANGE + "&department=" + departmentA);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
			Sheet items = workbook.getSheet("Items");
			assertThat(items.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Service item");
			assertThat(items.getRow(1).getCell(1).getStringCellValue()).isEqualTo("跨部门事项 (en)");
		}
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.statistics.exported'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}
}

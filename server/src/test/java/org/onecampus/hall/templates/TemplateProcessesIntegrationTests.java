package org.onecampus.hall.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates' processes on the demo university: 因公短期出国（境）申报 routes each of its five kinds of applicant
 * differently through its 22 nodes — the funding-unit review to the head of the unit the form names, the party
 * committee and secrecy reviews to the heads of 党委办公室 and 保密办公室 — and every other template ends APPROVED when
 * a fitting demo applicant submits it and the approvers the engine names approve.
 */
@IntegrationTest
class TemplateProcessesIntegrationTests extends TemplateTests {

	@Autowired
	PersonProfiles profiles;

	static final String TRIP = """
			{"destination": "新加坡", "purpose": "conference", "period": ["2027-03-02", "2027-03-06"], "inviter": "新加坡国立大学",
			 "fundingSource": "project", "fundingUnit": "%s", "budget": %s,
			 "itinerary": "参加国际学术会议并作报告，会后访问合作实验室。"}""";

	String trip(String fundingUnitCode, int budget) {
		return TRIP.formatted(unit(fundingUnitCode), budget);
	}

	static String withKind(String formData, String kind) {
		return formData.replaceFirst("\\{", "{\"applicantKind\": \"" + kind + "\", ");
	}

	String unit(String code) {
		return profiles.orgUnitIdByCode(code).orElseThrow().toString();
	}

	/** The username of the one current holder of a position at a demo unit. */
	String holder(String kind, String code) {
		return jdbc.sql("""
				select a.username from identity_position p join identity_org_unit o on o.id = p.org_unit_id
				join identity_account a on a.person_id = p.person_id
				where o.code = :c and p.kind = :k and p.start_date <= current_date
				  and (p.end_date is null or p.end_date >= current_date)""")
			.param("c", code).param("k", kind).query(String.class).single();
	}

	/**
	 * The approval nodes (copies left out) the routing simulator says an applicant of the kind reaches, each as
	 * {@code node=approver usernames}; no reached node may be without approvers.
	 */
	List<String> route(String username, String kind, String formData) {
		Response simulated = driver.as("admin").postJson("/api/v1/workflow/processes/overseas-trip/simulations?version="
				+ latestVersion("overseas-trip"),
				"{\"applicants\": [\"" + driver.person(username) + "\"], \"formData\": " + withKind(formData, kind) + "}");
		assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
		List<String> reached = new ArrayList<>();
		simulated.json().get("applicants").get(0).get("nodes").forEach(n -> {
			if ("REACHED".equals(n.get("status").asString()) && !"CONDITION".equals(n.get("type").asString())
					&& !"START".equals(n.get("type").asString()) && !"CC".equals(n.get("type").asString())) {
				List<String> approvers = new ArrayList<>();
				n.get("approvers").forEach(a -> approvers.add(driver.username(a.get("id").asString())));
				List<String> flags = new ArrayList<>();
				n.get("flags").forEach(f -> flags.add(f.get("code").asString()));
				assertThat(flags).as(kind + " at " + n.get("nodeId").asString()).doesNotContain("EMPTY", "FIELD_MISSING");
				assertThat(approvers).as(kind + " at " + n.get("nodeId").asString()).isNotEmpty();
				reached.add(n.get("nodeId").asString() + "=" + String.join(",", approvers));
			}
		});
		return reached;
	}

	static List<String> nodeIds(List<String> route) {
		return route.stream().map(r -> r.substring(0, r.indexOf('='))).toList();
	}

	int latestVersion(String processKey) {
		return jdbc.sql("select latest_version from workflow_process where key = :k").param("k", processKey)
			.query(Integer.class).single();
	}

	@Test
	void overseasTripRoutesEachKindOfApplicantThroughItsOwnNodes() {
		JsonNode version = driver.as("admin").get("/api/v1/workflow/processes/overseas-trip/versions/"
				+ latestVersion("overseas-trip")).json();
		List<String> nodes = new ArrayList<>();
		collect(version.get("model").get("root").get("next"), nodes);
		assertThat(nodes).hasSize(22);

		String party = "party=" + holder("HEAD", "PARTY");
		String secrecy = "secrecy=" + holder("HEAD", "SECRECY");
		String funding = "funding=" + holder("HEAD", "MATH");
		assertThat(route("head001", "LEADER", trip("MATH", 20000))).startsWith("leader_" + party, funding, secrecy)
			.endsWith("intl_office=" + holder("HEAD", "INTL"), "personnel=" + holder("HEAD", "HR"));
		assertThat(nodeIds(route("head001", "LEADER", trip("MATH", 20000)))).containsExactly("leader_party", "funding",
				"secrecy", "foreign_affairs", "intl_office", "personnel");
		assertThat(nodeIds(route("fac001", "FACULTY", trip("MATH", 20000)))).containsExactly("faculty_unit",
				"faculty_party", "funding", "secrecy", "foreign_affairs", "intl_office", "personnel");
		assertThat(route("fac001", "FACULTY", trip("MATH", 20000))).contains("faculty_unit=head001", "faculty_" + party,
				funding, secrecy);
		assertThat(nodeIds(route("cou001", "STAFF", trip("CS", 80000)))).containsExactly("staff_unit", "staff_party",
				"funding", "large_budget", "secrecy", "foreign_affairs", "intl_office", "personnel");
		assertThat(route("grad001", "POSTGRADUATE", trip("EE", 20000))).startsWith("pg_supervisor=fac001",
				"pg_college=head001", "pg_graduate_school=" + holder("HEAD", "GS"), "funding=" + holder("HEAD", "EE"), secrecy);
		assertThat(nodeIds(route("grad001", "POSTGRADUATE", trip("EE", 20000)))).endsWith("foreign_affairs",
				"intl_office");
		assertThat(route("stu001", "UNDERGRADUATE", trip("CS", 20000))).startsWith("ug_counsellor=cou001",
				"ug_college=head001", "ug_student_affairs=" + holder("HEAD", "SA"), "funding=head001", secrecy);
		assertThat(nodeIds(route("stu001", "UNDERGRADUATE", trip("CS", 20000)))).endsWith("foreign_affairs",
				"intl_office");

		String selfFunded = trip("MATH", 20000).replace("\"project\"", "\"self\"").replaceFirst(", \"fundingUnit\": \"[^\"]+\"", "");
		assertThat(nodeIds(route("fac001", "FACULTY", selfFunded))).containsExactly("faculty_unit", "faculty_party",
				"secrecy", "foreign_affairs", "intl_office", "personnel");
	}

	static void collect(JsonNode node, List<String> ids) {
		if (node == null || node.isNull()) {
			return;
		}
		ids.add(node.get("id").asString());
		node.path("branches").forEach(b -> collect(b.get("next"), ids));
		collect(node.get("next"), ids);
	}

	@Test
	void overseasTripKnowsLeadersAndFacultyFromIdentityAndRunsToTheEnd() {
		// head001 heads 计算机学院: a leader whatever the form says.
		Response leader = driver.start("head001", "overseas-trip", withKind(trip("MATH", 20000), "UNDERGRADUATE"));
		assertThat(leader.status()).as(leader.body()).isEqualTo(201);
		JsonNode started = driver.instanceAs("head001", java.util.UUID.fromString(leader.json().get("id").asString()));
		assertThat(started.get("formData").get("applicantKind").asString()).isEqualTo("LEADER");
		assertThat(started.get("current").get(0).get("nodeId").asString()).isEqualTo("leader_party");

		// fac001 (计算机学院) goes abroad on a project of 数学科学学院: that college's head reviews the funding.
		Response faculty = driver.start("fac001", "overseas-trip", trip("MATH", 20000));
		assertThat(faculty.status()).as(faculty.body()).isEqualTo(201);
		java.util.UUID id = java.util.UUID.fromString(faculty.json().get("id").asString());
		List<String> approved = driver.approveAll(id, "fac001", Map.of("faculty_unit", "head001", "faculty_party",
				holder("HEAD", "PARTY"), "funding", holder("HEAD", "MATH"), "secrecy", holder("HEAD", "SECRECY")));
		assertThat(approved).containsExactly("faculty_unit", "faculty_party", "funding", "secrecy", "foreign_affairs",
				"intl_office", "personnel");
		assertThat(driver.instance(id).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void aPostgraduatesTripPaidByAnotherCollegeGoesToItsHeadAndThroughTheSecrecyOffice() {
		Response student = driver.start("grad001", "overseas-trip", trip("EE", 12000));
		assertThat(student.status()).as(student.body()).isEqualTo(201);
		java.util.UUID id = java.util.UUID.fromString(student.json().get("id").asString());
		assertThat(driver.instanceAs("grad001", id).get("formData").get("applicantKind").asString())
			.isEqualTo("POSTGRADUATE");
		List<String> approved = driver.approveAll(id, "grad001", Map.of("pg_supervisor", "fac001", "pg_college",
				"head001", "funding", holder("HEAD", "EE"), "secrecy", holder("HEAD", "SECRECY")));
		assertThat(approved).containsExactly("pg_supervisor", "pg_college", "pg_graduate_school", "funding", "secrecy",
				"foreign_affairs", "intl_office");
		assertThat(driver.instance(id).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void theFundingUnitIsRequiredForProjectOrUnitFundingAndPrefilledWithTheApplicantsCollege() {
		String withoutUnit = trip("MATH", 20000).replaceFirst(", \"fundingUnit\": \"[^\"]+\"", "");
		Response refused = driver.start("fac001", "overseas-trip", withoutUnit);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("fundingUnit");

		// stu001 is in a class of 计算机学院: the college is the unit prefilled, as for its faculty.
		for (String username : List.of("stu001", "fac001")) {
			JsonNode item = driver.as(username).get("/api/v1/hall/services/overseas-trip").json();
			assertThat(item.get("prefill").get("fundingUnit").get("value").asString()).as(username).isEqualTo(unit("CS"));
		}
		JsonNode intl = driver.as("intl001").get("/api/v1/hall/services/overseas-trip").json();
		assertThat(intl.get("prefill").get("fundingUnit").get("value").asString()).isEqualTo(unit("INTL"));
	}

	void runsToApproval(String username, String serviceCode, String formData, Map<String, String> handlers,
			String... expectedNodes) {
		TemplateDriver.Application app = driver.submit(username, serviceCode, formData);
		List<String> approved = driver.approveAll(app.instanceId(), username, handlers);
		assertThat(approved).as(serviceCode).containsExactly(expectedNodes);
		assertThat(driver.instance(app.instanceId()).get("status").asString()).as(serviceCode).isEqualTo("APPROVED");
		assertThat(driver.end(app, "APPROVED")).isNotNull();
	}

	@Test
	void cloudServerGoesToTheDepartmentHeadAndTheItCentre() {
		runsToApproval("fac001", "cloud-server", """
				{"cpu": "4", "memory": "16", "disk": 200, "os": "ubuntu-24.04", "term": "12", "publicAccess": "no",
				 "purpose": "课程实验平台，部署 JupyterHub 供本科生使用。"}""", Map.of("department_head", "head001"),
				"department_head", "it_centre", "provision");
	}

	@Test
	void networkAccountIsHandledByTheNetworkDesk() {
		runsToApproval("visitor001", "network-account", """
				{"phone": "13900139000", "accountType": "guest", "plan": "basic", "startDate": "2026-12-01", "devices": 2}""",
				Map.of(), "network_desk");
	}

	@Test
	void dormRepairIsDispatchedAndRepaired() {
		runsToApproval("stu001", "dorm-repair", """
				{"phone": "13700137000", "building": "学生公寓 3 号楼", "roomNumber": "512", "category": "ac",
				 "preferredTime": "afternoon", "description": "空调不制冷，有异响。"}""", Map.of(), "dispatch", "repair");
	}

	@Test
	void officialSealGoesThroughTheUnitAndThePresidentsOffice() {
		runsToApproval("fac001", "official-seal", """
				{"sealType": "university", "documentTitle": "关于联合举办学术会议的函", "copies": 3, "recipient": "中国计算机学会",
				 "reason": "学院与学会联合举办学术会议，需加盖学校公章。"}""", Map.of("unit_head", "head001"),
				"unit_head", "office_head", "stamp");
	}

	@Test
	void itProjectNeedsSixtyPercentOfTheExperts() {
		TemplateDriver.Application app = driver.submit("fac001", "it-project", """
				{"projectName": "智慧教室管理平台", "projectType": "system", "budget": 480000, "period": ["2027-01-01", "2027-12-31"],
				 "background": "现有教室设备分散管理，故障响应慢，需统一平台。", "goals": "建设覆盖两个校区的智慧教室集中管控平台。"}""");
		List<String> approved = driver.approveAll(app.instanceId(), "fac001", Map.of("unit_head", "head001"));
		int experts = jdbc.sql("""
				select count(distinct t.assignee_id) from workflow_task t where t.instance_id = :i and t.node_id = 'experts'""")
			.param("i", app.instanceId()).query(Integer.class).single();
		assertThat(experts).isGreaterThan(1);
		long expertApprovals = approved.stream().filter("experts"::equals).count();
		assertThat(expertApprovals).isEqualTo((long) Math.ceil(experts * 0.6 - 1e-9));
		assertThat(approved).startsWith("unit_head", "itc_check").endsWith("itc_head");
		assertThat(driver.instance(app.instanceId()).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void systemFilingIsApprovedByTheOwningUnitAndCheckedByTheItCentre() {
		String unit = profiles.orgUnitIdByCode("CS").orElseThrow().toString();
		runsToApproval("fac001", "system-filing", """
				{"systemName": "计算机学院官网", "url": "https://cs.example.edu.cn/", "ipAddress": "10.12.3.45",
				 "ownerUnit": "%s", "contact": "%s", "level": "2", "hosting": "campus-cloud",
				 "description": "学院新闻、招生与师资介绍网站。"}""".formatted(unit, driver.person("fac001")),
				Map.of("unit_head", "head001"), "unit_head", "security_review");
	}

	@Test
	void dataRequestGoesToTheDataOwner() {
		runsToApproval("fac001", "data-request", """
				{"dataset": "students", "fields": "学号、姓名、专业、年级", "accessMode": "api", "period": ["2027-01-01", "2027-06-30"],
				 "purpose": "学院学生画像分析，用于学业预警。", "pledge": ["agree"]}""", Map.of("unit_head", "head001"),
				"unit_head", "owner_sa", "grant");
	}
}

package org.onecampus.hall;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.identity.Memberships;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.Blueprints;
import org.onecampus.workflow.Blueprints.ProcessBlueprint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the service hall is built on: memberships for audience checks, installing a form and a process from a
 * blueprint (idempotently), and the catalogue table with optimistic locking.
 */
@IntegrationTest
class HallFoundationIntegrationTests {

	@Autowired
	Memberships memberships;

	@Autowired
	PersonDirectory directory;

	@Autowired
	PersonProfiles profiles;

	@Autowired
	Blueprints blueprints;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	JsonMapper json;

	UUID person(String username) {
		return directory.personIdByUsername(username).orElseThrow();
	}

	@Test
	void membershipsCoverTypesRolesAndEveryUnitAbove() {
		Memberships.Membership student = memberships.of(person("stu001"));
		assertThat(student.affiliationTypes()).contains("UNDERGRADUATE");
		assertThat(student.orgUnitCodes()).contains("U", "CS");
		assertThat(student.in(List.of("UNDERGRADUATE"), null, null)).isTrue();
		assertThat(student.in(List.of("FACULTY"), List.of(), List.of("HR"))).isFalse();
		assertThat(student.in(null, null, List.of("CS"))).isTrue();
		assertThat(student.in(null, null, null)).isTrue();
		Memberships.Membership admin = memberships.of(person("admin"));
		assertThat(admin.roles()).contains("PLATFORM_ADMIN");
		assertThat(memberships.of(UUID.randomUUID()).affiliationTypes()).isEmpty();
	}

	@Test
	void blueprintsInstallOnceAndPublishAgainOnlyWhenChanged() {
		UUID admin = person("admin");
		JsonNode form = json.readTree("""
				{"format": "onecampus-form", "formatVersion": 1, "key": "hall-foundation-probe",
				 "name": {"zh-CN": "探针表单", "en-US": "Probe form"},
				 "schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				   "properties": {"reason": {"type": "string", "maxLength": 100}}, "required": ["reason"]},
				 "layout": {"version": 1, "fields": [{"key": "reason", "widget": "text",
				   "label": {"zh-CN": "事由", "en-US": "Reason"}}]}}""");
		int formVersion = blueprints.installForm(form, null, admin);
		assertThat(blueprints.installForm(form, null, admin)).isEqualTo(formVersion);
		JsonNode model = json.readTree("""
				{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
				 "config": {}, "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批", "en-US": "Counsellor"},
				   "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}, "multi": "ANY"}, "next": null}}}""");
		ProcessBlueprint process = new ProcessBlueprint("hall-foundation-probe", Map.of("zh-CN", "探针", "en-US", "Probe"),
				"hall-foundation-probe", formVersion, json.readTree("{}"), List.of(admin), null, model);
		int version = blueprints.installProcess(process, admin);
		assertThat(blueprints.installProcess(process, admin)).isEqualTo(version);
		ProcessBlueprint renamed = new ProcessBlueprint(process.key(), Map.of("zh-CN", "探针二", "en-US", "Probe 2"),
				process.formKey(), process.formVersion(), process.applicants(), process.admins(), null, model);
		assertThat(blueprints.installProcess(renamed, admin)).isEqualTo(version + 1);
	}

	@Test
	void catalogueRowsAreOptimisticallyLocked() {
		UUID owner = profiles.orgUnitIdByCode("ITC").orElseThrow();
		ServiceItem item = new ServiceItem("foundation-probe", Map.of("zh-CN", "探针事项", "en-US", "Probe item"), Map.of(),
				"it", owner, List.of(), json.readTree("{}"), true, ServiceItem.OFFLINE_GUIDE, null, null, null,
				json.readTree("{\"place\": {\"zh-CN\": \"信息中心一楼\"}}"), json.readTree("[]"), json.readTree("{}"), 3,
				json.readTree("[]"), List.of("probe"), List.of(), ServiceItem.DRAFT, false, 0, 0, null, null, null);
		ServiceItem stored = catalogue.insert(item, person("admin"));
		assertThat(stored.revision()).isZero();
		assertThat(stored.guide().path("place").path("zh-CN").asString()).isEqualTo("信息中心一楼");
		assertThatThrownBy(() -> catalogue.insert(item, null)).isInstanceOfSatisfying(PlatformException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		ServiceItem published = catalogue.update(withStatus(stored, ServiceItem.PUBLISHED));
		assertThat(published.revision()).isEqualTo(1);
		assertThat(published.publishedAt()).isNotNull();
		assertThatThrownBy(() -> catalogue.update(withStatus(stored, ServiceItem.WITHDRAWN_FROM_SERVICE)))
			.isInstanceOfSatisfying(PlatformException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(catalogue.find("foundation-probe").orElseThrow().status()).isEqualTo(ServiceItem.PUBLISHED);
	}

	static ServiceItem withStatus(ServiceItem i, String status) {
		return new ServiceItem(i.code(), i.name(), i.summary(), i.categoryCode(), i.ownerOrgUnitId(), i.coOrgUnitIds(),
				i.audience(), i.publicGuide(), i.handling(), i.processKey(), i.linkAppCode(), i.linkUrl(), i.guide(),
				i.materials(), i.fees(), i.promisedDays(), i.faq(), i.keywords(), i.calendarTags(), status, i.selfPrint(),
				i.sortOrder(), i.revision(), i.createdAt(), i.updatedAt(), i.publishedAt());
	}
}

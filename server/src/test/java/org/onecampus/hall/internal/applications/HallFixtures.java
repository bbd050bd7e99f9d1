package org.onecampus.hall.internal.applications;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.Blueprints;
import org.onecampus.workflow.Blueprints.ProcessBlueprint;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Service items the application tests apply for: {@code student-leave} on the demo 学生请假 process (until the
 * catalogue's demo items exist), and {@code apply-probe} on a small process that copies the head of the
 * applicant's college and asks the counsellor, with a hook that refuses a "冲突" reason and offers a receipt.
 */
final class HallFixtures {

	static final String LEAVE = "student-leave";

	static final String PROBE = "apply-probe";

	private HallFixtures() {
	}

	static synchronized void install(ServiceCatalogue catalogue, Blueprints blueprints, PersonDirectory directory,
			PersonProfiles profiles, JsonMapper json, ConfigurableApplicationContext context) {
		UUID admin = directory.personIdByUsername("admin").orElseThrow();
		UUID owner = profiles.orgUnitIdByCode("SA").orElseThrow();
		UUID college = profiles.orgUnitIdByCode("CS").orElseThrow();
		String students = "{\"affiliationTypes\": [\"UNDERGRADUATE\", \"POSTGRADUATE\", \"PHD\"]}";
		insert(catalogue, json, admin, new ServiceItem(LEAVE, Map.of("zh-CN", "学生请假", "en-US", "Student leave"),
				Map.of("zh-CN", "学生因事、因病请假，辅导员审批，超过 3 天由学院审批。", "en-US", "Leave for students."), "student",
				owner, List.of(college), json.readTree(students), false, ServiceItem.ONLINE, LEAVE, null, null,
				json.readTree("{}"), json.readTree("[]"), json.readTree("{}"), 2, json.readTree("[]"), List.of("请假"),
				List.of(), ServiceItem.PUBLISHED, false, 0, 0, null, null, null));
		if (catalogue.find(PROBE).isEmpty()) {
			int formVersion = blueprints.installForm(json.readTree("""
					{"format": "onecampus-form", "formatVersion": 1, "key": "hall-apply-probe",
					 "name": {"zh-CN": "办事探针表单", "en-US": "Hall probe form"},
					 "schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
					   "properties": {"reason": {"type": "string", "minLength": 2, "maxLength": 100},
					                  "copies": {"type": "integer", "minimum": 1, "maximum": 5}},
					   "required": ["reason", "copies"]},
					 "layout": {"version": 1, "fields": [
					   {"key": "reason", "widget": "text", "label": {"zh-CN": "事由", "en-US": "Reason"}},
					   {"key": "copies", "widget": "number", "label": {"zh-CN": "份数", "en-US": "Copies"}}]}}"""),
					owner, admin);
			blueprints.installProcess(new ProcessBlueprint("hall-apply-probe", Map.of("zh-CN", "办事探针", "en-US", "Hall probe"),
					"hall-apply-probe", formVersion, json.readTree(students), List.of(admin), owner, json.readTree("""
							{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
							 "config": {}, "next": {"id": "copy_head", "type": "CC", "name": {"zh-CN": "抄送院长", "en-US": "Copy the dean"},
							   "config": {"assignee": {"rule": "POSITION", "position": "college-head"}},
							   "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批", "en-US": "Counsellor"},
							     "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}, "multi": "ANY"},
							     "next": null}}}}""")), admin);
			insert(catalogue, json, admin, new ServiceItem(PROBE, Map.of("zh-CN", "办事探针事项", "en-US", "Hall probe item"),
					Map.of(), "student", owner, List.of(), json.readTree(students), false, ServiceItem.ONLINE,
					"hall-apply-probe", null, null, json.readTree("{}"), json.readTree("[]"), json.readTree("{}"), 5,
					json.readTree("[]"), List.of(), List.of(), ServiceItem.PUBLISHED, false, 0, 0, null, null, null));
		}
		if (!context.containsBean("hallApplyProbeHook")) {
			context.getBeanFactory().registerSingleton("hallApplyProbeHook", new ProbeHook());
		}
	}

	private static void insert(ServiceCatalogue catalogue, JsonMapper json, UUID admin, ServiceItem item) {
		if (catalogue.find(item.code()).isPresent()) {
			return;
		}
		try {
			catalogue.insert(item, admin);
		}
		catch (PlatformException ex) {
			// inserted meanwhile (another test class or the catalogue's demo items)
		}
	}

	/** Refuses a reason with 冲突 (as a booking conflict would) and offers a receipt once approved. */
	static final class ProbeHook implements ServiceHook {

		@Override
		public boolean supports(ServiceItem item) {
			return PROBE.equals(item.code());
		}

		@Override
		public void beforeSubmit(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
			if (String.valueOf(formData.get("reason")).contains("冲突")) {
				throw PlatformException.invalid(List.of(new PlatformException.FieldProblem("reason", "hall.application.conflict")));
			}
		}

		@Override
		public List<Result> results(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
			return List.of(new Result("receipt.txt", Map.of("zh-CN", "回执", "en-US", "Receipt"), "text/plain;charset=UTF-8",
					("回执 " + applicationId + " " + formData.get("reason")).getBytes(StandardCharsets.UTF_8)));
		}
	}
}

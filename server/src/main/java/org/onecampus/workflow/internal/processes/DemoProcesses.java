package org.onecampus.workflow.internal.processes;

import java.util.List;
import java.util.Map;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.OneCampusProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo profile only, once: publishes 请假 (leave: the class counsellor, then the head of the college,
 * e.g. stu001 → cou001 → head001) and 场地借用 (venue booking: counsellor and college head in parallel,
 * then a CC to the counsellor), administered by {@code admin}. Runs after the demo university is loaded.
 */
@Component
@Order(30)
class DemoProcesses implements ApplicationRunner {

	static final String LEAVE = """
			{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
			 "config": {},
			 "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批", "en-US": "Counsellor approval"},
			   "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}, "multi": "ANY",
			              "emptyPolicy": "PROCESS_ADMIN", "selfPolicy": "SKIP", "repeatPolicy": "ONCE"},
			   "next": {"id": "college_head", "type": "APPROVER", "name": {"zh-CN": "学院审批", "en-US": "College approval"},
			     "config": {"assignee": {"rule": "POSITION", "position": "college-head"}, "multi": "ANY",
			                "emptyPolicy": "PROCESS_ADMIN", "selfPolicy": "SUPERIOR", "repeatPolicy": "ONCE"},
			     "next": null}}}}""";

	static final String VENUE = """
			{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
			 "config": {},
			 "next": {"id": "both", "type": "PARALLEL", "name": {"zh-CN": "并行审批", "en-US": "Parallel approval"},
			   "branches": [
			     {"id": "b_counsellor", "name": {"zh-CN": "辅导员", "en-US": "Counsellor"}, "condition": null,
			      "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批", "en-US": "Counsellor approval"},
			        "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}, "multi": "ANY"}, "next": null}},
			     {"id": "b_head", "name": {"zh-CN": "学院", "en-US": "College"}, "condition": null,
			      "next": {"id": "college_head", "type": "APPROVER", "name": {"zh-CN": "学院审批", "en-US": "College approval"},
			        "config": {"assignee": {"rule": "POSITION", "position": "college-head"}, "multi": "ANY"}, "next": null}}],
			   "next": {"id": "notify", "type": "CC", "name": {"zh-CN": "抄送辅导员", "en-US": "Copy to counsellor"},
			     "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}}, "next": null}}}}""";

	private final OneCampusProperties properties;

	private final ProcessDefinitions definitions;

	private final PersonDirectory directory;

	private final JsonMapper json;

	DemoProcesses(OneCampusProperties properties, ProcessDefinitions definitions, PersonDirectory directory,
			JsonMapper json) {
		this.properties = properties;
		this.definitions = definitions;
		this.directory = directory;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		var admin = directory.personIdByUsername("admin").orElse(null);
		if (admin == null) {
			return;
		}
		JsonNode students = json.readTree("{\"affiliationTypes\": [\"UNDERGRADUATE\", \"POSTGRADUATE\", \"PHD\"]}");
		publishOnce("leave", Map.of("zh-CN", "请假申请", "en-US", "Leave request"), LEAVE, students, admin);
		publishOnce("venue-booking", Map.of("zh-CN", "场地借用", "en-US", "Venue booking"), VENUE, students, admin);
	}

	private void publishOnce(String key, Map<String, String> name, String model, JsonNode applicants, java.util.UUID admin) {
		if (definitions.find(key).isPresent()) {
			return;
		}
		definitions.create(key, new ProcessDraft(name, null, null, applicants, List.of(admin), null, json.readTree(model),
				null), admin);
		definitions.publish(key, admin);
	}
}

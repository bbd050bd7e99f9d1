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

	/**
	 * 学生请假 on the 学生请假申请 form: the counsellor approves; leave of more than three days (the form
	 * computes {@code days} from the period) also goes to the head of the college.
	 */
	static final String STUDENT_LEAVE = """
			{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
			 "config": {},
			 "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批", "en-US": "Counsellor approval"},
			   "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}, "multi": "ANY",
			              "emptyPolicy": "PROCESS_ADMIN", "selfPolicy": "SKIP", "repeatPolicy": "ONCE",
			              "fieldPermissions": {"reason": "READONLY", "emergencyPhone": "READONLY"}},
			   "next": {"id": "long_leave", "type": "CONDITION", "name": {"zh-CN": "请假天数", "en-US": "Length of leave"},
			     "branches": [
			       {"id": "b_long", "name": {"zh-CN": "超过 3 天", "en-US": "More than 3 days"}, "condition": "days > 3",
			        "next": {"id": "college_head", "type": "APPROVER", "name": {"zh-CN": "学院审批", "en-US": "College approval"},
			          "config": {"assignee": {"rule": "POSITION", "position": "college-head"}, "multi": "ANY",
			                     "emptyPolicy": "PROCESS_ADMIN", "selfPolicy": "SUPERIOR", "repeatPolicy": "ONCE"},
			          "next": null}},
			       {"id": "b_short", "name": {"zh-CN": "其他", "en-US": "Otherwise"}, "condition": null, "next": null}],
			     "next": null}}}}""";

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
		publishOnce("student-leave", Map.of("zh-CN", "学生请假", "en-US", "Student leave"), "leave-request", STUDENT_LEAVE,
				students, admin);
	}

	private void publishOnce(String key, Map<String, String> name, String model, JsonNode applicants, java.util.UUID admin) {
		publishOnce(key, name, null, model, applicants, admin);
	}

	private void publishOnce(String key, Map<String, String> name, String formKey, String model, JsonNode applicants,
			java.util.UUID admin) {
		if (definitions.find(key).isPresent()) {
			return;
		}
		definitions.create(key, new ProcessDraft(name, formKey, formKey == null ? null : 1, applicants, List.of(admin),
				null, json.readTree(model), null), admin);
		definitions.publish(key, admin);
	}
}

package org.onecampus.workflow.internal.tasks;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds simple designer models as JSON text, node by node. */
final class SimpleModels {

	private SimpleModels() {
	}

	static String model(String first) {
		return """
				{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
				 "config": {}, "next": %s}}""".formatted(first);
	}

	static String approver(String id, String config, String next) {
		return node(id, "APPROVER", config, next);
	}

	static String node(String id, String type, String config, String next) {
		return """
				{"id": "%s", "type": "%s", "name": {"zh-CN": "节点%s", "en-US": "Node %s"}, "config": %s, "next": %s}"""
			.formatted(id, type, id, id, config, next);
	}

	/** A config naming persons, with extra fields such as {@code "multi": "ALL"}. */
	static String persons(String extra, UUID... persons) {
		String ids = Arrays.stream(persons).map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
		return config("{\"rule\": \"PERSONS\", \"persons\": [" + ids + "]}", extra);
	}

	static String config(String assignee, String extra) {
		return "{\"assignee\": " + assignee + (extra == null || extra.isBlank() ? "" : ", " + extra) + "}";
	}

	static String branches(String id, String type, String next, String... branches) {
		return """
				{"id": "%s", "type": "%s", "name": {"zh-CN": "分支", "en-US": "Branches"}, "branches": [%s], "next": %s}"""
			.formatted(id, type, String.join(",", branches), next);
	}

	static String branch(String id, String condition, String next) {
		return """
				{"id": "%s", "name": {"zh-CN": "分支%s"}, "condition": %s, "next": %s}""".formatted(id, id,
				condition == null ? "null" : "\"" + condition.replace("\"", "\\\"") + "\"", next);
	}
}

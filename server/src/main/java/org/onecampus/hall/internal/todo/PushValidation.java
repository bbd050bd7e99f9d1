package org.onecampus.hall.internal.todo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onecampus.identity.AppLinks;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

/**
 * Checks a push field by field and finds where its deep link opens through single sign-on; every
 * problem is reported at once as 422 with {@code errors[]}.
 */
final class PushValidation {

	static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

	static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");

	private PushValidation() {
	}

	/**
	 * @return where a browser opens the deep link
	 * @throws PlatformException 422 listing every invalid field
	 */
	static String check(String clientId, String externalId, PushTodo push, AppLinks links) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!EXTERNAL_ID.matcher(externalId).matches()) {
			problems.add(new FieldProblem("externalId", "hall.todo.field.external-id"));
		}
		String zh = push.title() == null ? null : push.title().get("zh-CN");
		if (zh == null || zh.isBlank()) {
			problems.add(new FieldProblem("title.zh-CN", "hall.todo.field.required"));
		}
		length(problems, "title.zh-CN", zh, 300);
		length(problems, "title.en-US", push.title() == null ? null : push.title().get("en-US"), 300);
		PushTodo.Assignee assignee = push.assignee();
		long named = assignee == null ? 0
				: java.util.stream.Stream.of(blankToNull(assignee.username()), blankToNull(assignee.identifier()),
						assignee.personId()).filter(java.util.Objects::nonNull).count();
		if (named != 1) {
			problems.add(new FieldProblem("assignee", "hall.todo.field.assignee-one"));
		}
		else {
			length(problems, "assignee.username", assignee.username(), 100);
			length(problems, "assignee.identifier", assignee.identifier(), 64);
		}
		length(problems, "category", push.category(), 64);
		length(problems, "applicantName", push.applicantName(), 100);
		if (push.priority() != null && !PRIORITIES.contains(push.priority())) {
			problems.add(new FieldProblem("priority", "hall.todo.field.priority"));
		}
		Optional<String> entry = Optional.empty();
		if (push.deepLink() == null || push.deepLink().isBlank()) {
			problems.add(new FieldProblem("deepLink", "hall.todo.field.required"));
		}
		else if (push.deepLink().length() > 2000) {
			problems.add(new FieldProblem("deepLink", "hall.todo.field.too-long", 2000));
		}
		else {
			entry = links.ssoEntry(clientId, push.deepLink().trim());
			if (entry.isEmpty()) {
				problems.add(new FieldProblem("deepLink", "hall.todo.field.deep-link-foreign"));
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		return entry.orElseThrow();
	}

	private static void length(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "hall.todo.field.too-long", max));
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}

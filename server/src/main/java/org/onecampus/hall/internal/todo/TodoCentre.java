package org.onecampus.hall.internal.todo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.AppLinks;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.TaskInbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's to-do centre: their workflow lists merged with the to-dos systems pushed to them, newest
 * first. A page is cut from the newest {@code (page + 1) × size} of each source, so both sources stay
 * on their own indexes.
 */
@Service
@Transactional(readOnly = true)
class TodoCentre {

	/** The lists: 待办, 已办, 抄送我的, 我发起的. */
	enum Scope {
		TODO, DONE, CC, MINE;

		static Scope of(String text) {
			try {
				return valueOf(text.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new PlatformException(HttpStatus.BAD_REQUEST, "request.parameter", "scope");
			}
		}

		/** The status of pushed to-dos in this list, or null when the list has none. */
		String externalStatus() {
			return this == TODO ? ExternalTodo.OPEN : this == DONE ? ExternalTodo.DONE : null;
		}
	}

	private final TaskInbox inbox;

	private final ExternalTodos todos;

	private final AppLinks links;

	TodoCentre(TaskInbox inbox, ExternalTodos todos, AppLinks links) {
		this.inbox = inbox;
		this.todos = todos;
		this.links = links;
	}

	Page<TodoItem> list(UUID me, Scope scope, ListFilter filter, PageQuery page) {
		int window = (int) Math.min(page.offset() + page.sizeOrDefault(), 10_000);
		List<TodoItem> merged = new ArrayList<>();
		long total = 0;
		if (filter.includesWorkflow()) {
			TaskInbox.Filter workflow = workflowFilter(filter);
			TaskInbox.Scope workflowScope = TaskInbox.Scope.valueOf(scope.name());
			inbox.items(me, workflowScope, workflow, window).forEach(item -> merged.add(TodoItem.of(item)));
			total += inbox.count(me, workflowScope, workflow);
		}
		String status = scope.externalStatus();
		if (status != null && filter.includesExternal()) {
			Map<String, Map<String, String>> names = new HashMap<>();
			todos.assignedTo(me, status, filter, window).forEach(todo -> merged.add(TodoItem.of(todo,
					names.computeIfAbsent(todo.sourceSystem(), this::systemName))));
			total += todos.countAssignedTo(me, status, filter);
		}
		merged.sort(Comparator.comparing(TodoItem::at, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(TodoItem::id));
		int from = (int) Math.min(page.offset(), merged.size());
		int to = Math.min(from + page.sizeOrDefault(), merged.size());
		return new Page<>(List.copyOf(merged.subList(from, to)), page.pageOrDefault(), page.sizeOrDefault(), total);
	}

	/** How many items each list holds under the filter. */
	Map<String, Long> counts(UUID me, ListFilter filter) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Scope scope : Scope.values()) {
			long count = 0;
			if (filter.includesWorkflow()) {
				count += inbox.count(me, TaskInbox.Scope.valueOf(scope.name()), workflowFilter(filter));
			}
			if (scope.externalStatus() != null && filter.includesExternal()) {
				count += todos.countAssignedTo(me, scope.externalStatus(), filter);
			}
			counts.put(scope.name().toLowerCase(Locale.ROOT), count);
		}
		return counts;
	}

	/**
	 * What the person's lists can be filtered by.
	 * @param code {@code workflow} or a system's client id
	 * @param kinds process keys (workflow) or categories (a system), each with its localized name
	 */
	record Source(String code, Map<String, String> name, List<Kind> kinds) {
	}

	record Kind(String key, Map<String, String> name) {
	}

	List<Source> sources(UUID me) {
		List<Source> sources = new ArrayList<>();
		List<Kind> processes = new ArrayList<>();
		inbox.processes(me).forEach((key, name) -> processes.add(new Kind(key, name)));
		sources.add(new Source(ListFilter.WORKFLOW, null, processes));
		todos.sourcesOf(me).forEach((system, categories) -> sources.add(new Source(system, systemName(system),
				categories.stream().map(c -> new Kind(c, Map.of("zh-CN", c, "en-US", c))).toList())));
		return sources;
	}

	private Map<String, String> systemName(String clientId) {
		return links.appOfClient(clientId).map(AppLinks.App::name).orElse(Map.of("zh-CN", clientId, "en-US", clientId));
	}

	private static TaskInbox.Filter workflowFilter(ListFilter filter) {
		return new TaskInbox.Filter(filter.processKey(), filter.from(), filter.to(), filter.keyword());
	}
}

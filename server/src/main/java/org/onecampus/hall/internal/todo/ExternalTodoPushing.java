package org.onecampus.hall.internal.todo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.AppLinks;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pushing, withdrawing and completing a system's own to-dos. A system only ever sees and touches the
 * to-dos it pushed (another system's are 404 to it); every change is audited with the client as actor.
 */
@Service
class ExternalTodoPushing {

	private final ExternalTodos todos;

	private final AppLinks links;

	private final PersonDirectory directory;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExternalTodoPushing(ExternalTodos todos, AppLinks links, PersonDirectory directory, AuditLog audit,
			ApplicationEventPublisher events, Optional<Clock> clock) {
		this.todos = todos;
		this.links = links;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The outcome of a push. */
	record Pushed(ExternalTodo todo, boolean created) {
	}

	/**
	 * Creates or changes the to-do {@code externalId} of the calling system; the same push again changes
	 * nothing. A done to-do stays done.
	 * @throws PlatformException 404 when {@code sourceSystem} is not the caller or the assignee is unknown,
	 * 422 for invalid fields
	 */
	@Transactional
	Pushed push(String clientId, String sourceSystem, String externalId, PushTodo push) {
		AppLinks.App app = ownApp(clientId, sourceSystem, externalId);
		String openUrl = PushValidation.check(clientId, externalId, push, links);
		PushTodo.Assignee named = push.assignee();
		String username = PushValidation.blankToNull(named.username());
		String identifier = PushValidation.blankToNull(named.identifier());
		String ref = username != null ? "username:" + username
				: identifier != null ? "identifier:" + identifier : "person:" + named.personId();
		UUID assignee = (username != null ? directory.personIdByUsername(username)
				: identifier != null ? directory.personIdByIdentifier(identifier)
						: directory.contact(named.personId()).map(PersonDirectory.Contact::personId))
			.orElseThrow(() -> new PlatformException(HttpStatus.NOT_FOUND, "hall.todo.assignee-unknown"));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<ExternalTodo> existing = todos.lock(sourceSystem, externalId);
		ExternalTodo wanted = new ExternalTodo(existing.map(ExternalTodo::id).orElseGet(UUID::randomUUID), sourceSystem,
				externalId, assignee, ref, push.title().get("zh-CN").trim(),
				PushValidation.blankToNull(push.title().get("en-US")), PushValidation.blankToNull(push.applicantName()),
				PushValidation.blankToNull(push.category()), push.priority() == null ? "NORMAL" : push.priority(),
				push.deepLink().trim(), openUrl, micros(push.dueAt()),
				push.createdAt() == null ? existing.map(ExternalTodo::createdAt).orElse(now) : micros(push.createdAt()),
				existing.map(ExternalTodo::status).orElse(ExternalTodo.OPEN),
				existing.map(ExternalTodo::completedAt).orElse(null), now, now);
		if (existing.isEmpty()) {
			if (!todos.insert(wanted)) {
				// a concurrent push of the same id inserted first: apply this one as a change to it
				return push(clientId, sourceSystem, externalId, push);
			}
			audit.record("hall.external-todo.pushed", target(wanted), details(wanted, app));
			assigned(wanted, app);
			return new Pushed(wanted, true);
		}
		ExternalTodo before = existing.get();
		if (before.sameAs(wanted)) {
			return new Pushed(before, false);
		}
		todos.update(wanted);
		audit.record("hall.external-todo.changed", target(wanted), details(wanted, app));
		if (!before.assigneeId().equals(wanted.assigneeId()) && ExternalTodo.OPEN.equals(wanted.status())) {
			assigned(wanted, app);
		}
		return new Pushed(wanted, false);
	}

	/** Withdraws the to-do: it leaves the to-do centre. */
	@Transactional
	void withdraw(String clientId, String sourceSystem, String externalId) {
		AppLinks.App app = ownApp(clientId, sourceSystem, externalId);
		ExternalTodo todo = todos.lock(sourceSystem, externalId).orElseThrow(() -> notFound(sourceSystem, externalId));
		todos.delete(todo.id());
		audit.record("hall.external-todo.withdrawn", target(todo), details(todo, app));
	}

	/** Marks the to-do done: it moves to the assignee's done list. Done again changes nothing. */
	@Transactional
	ExternalTodo complete(String clientId, String sourceSystem, String externalId) {
		AppLinks.App app = ownApp(clientId, sourceSystem, externalId);
		ExternalTodo todo = todos.lock(sourceSystem, externalId).orElseThrow(() -> notFound(sourceSystem, externalId));
		if (ExternalTodo.DONE.equals(todo.status())) {
			return todo;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ExternalTodo done = new ExternalTodo(todo.id(), todo.sourceSystem(), todo.externalId(), todo.assigneeId(),
				todo.assigneeRef(), todo.title(), todo.titleEn(), todo.applicantName(), todo.category(), todo.priority(),
				todo.deepLink(), todo.openUrl(), todo.dueAt(), todo.createdAt(), ExternalTodo.DONE, now, todo.pushedAt(), now);
		todos.update(done);
		audit.record("hall.external-todo.completed", target(done), details(done, app));
		return done;
	}

	/** One of the caller's to-dos. */
	ExternalTodo find(String clientId, String sourceSystem, String externalId) {
		ownApp(clientId, sourceSystem, externalId);
		return todos.lock(sourceSystem, externalId).orElseThrow(() -> notFound(sourceSystem, externalId));
	}

	/** The caller's app; 404 when the path names another system (or the caller has no registered app). */
	AppLinks.App ownApp(String clientId, String sourceSystem, String externalId) {
		if (!clientId.equals(sourceSystem)) {
			throw notFound(sourceSystem, externalId);
		}
		return links.appOfClient(clientId).orElseThrow(() -> notFound(sourceSystem, externalId));
	}

	private void assigned(ExternalTodo todo, AppLinks.App app) {
		events.publishEvent(new ExternalTodoAssigned(todo.id(), todo.assigneeId(), app.name().get("zh-CN"), todo.title(),
				todo.pushedAt()));
	}

	private static PlatformException notFound(String sourceSystem, String externalId) {
		return PlatformException.notFound("to-do", sourceSystem + "/" + externalId);
	}

	private static String target(ExternalTodo todo) {
		return "external-todo:" + todo.sourceSystem() + "/" + todo.externalId();
	}

	private static Map<String, Object> details(ExternalTodo todo, AppLinks.App app) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("system", app.code());
		details.put("assignee", todo.assigneeId().toString());
		details.put("title", todo.title());
		details.put("status", todo.status());
		return details;
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}
}

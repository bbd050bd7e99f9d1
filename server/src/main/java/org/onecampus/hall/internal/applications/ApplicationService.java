package org.onecampus.hall.internal.applications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceUsage;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.identity.AdminScopes;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.Memberships;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.InstanceTracking;
import org.onecampus.workflow.InstanceTracking.Progress;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.Processes;
import org.onecampus.workflow.Processes.InstanceSummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applying for a service item and following the application: submit (idempotent per applicant and key, hooks
 * and process start in one transaction), view, lists by scope, withdraw, resubmit after a return, evaluate,
 * results and drafts. Who may see an application: its applicant, its handlers (current or past), the people
 * CC'd on it and the administrators of the item's department; everyone else gets 404.
 */
@Service
class ApplicationService {

	static final String MANAGE = "hall:service:manage";

	/** A draft's form data may take at most this many bytes as JSON. */
	static final int DRAFT_LIMIT = 64 * 1024;

	/** Handled/CC lists look at this many of the person's most recent instances. */
	static final int INVOLVED_LIMIT = 2000;

	/** What the lists may be filtered by (comma-separated). */
	static final Set<String> STATUSES = Set.of("RUNNING", "RETURNED", "SUSPENDED", "APPROVED", "REJECTED", "WITHDRAWN",
			"TERMINATED");

	private final Applications applications;

	private final ServiceCatalogue catalogue;

	private final Memberships memberships;

	private final AdminScopes adminScopes;

	private final Forms forms;

	private final Processes processes;

	private final InstanceTracking tracking;

	private final ObjectProvider<ServiceHook> hooks;

	private final PersonDirectory directory;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final ServiceUsage usage;

	ApplicationService(Applications applications, ServiceCatalogue catalogue, Memberships memberships,
			AdminScopes adminScopes, Forms forms, Processes processes, InstanceTracking tracking, ObjectProvider<ServiceHook> hooks,
			PersonDirectory directory, AuditLog audit, ApplicationEventPublisher events, JsonMapper json,
			ServiceUsage usage) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.memberships = memberships;
		this.adminScopes = adminScopes;
		this.forms = forms;
		this.processes = processes;
		this.tracking = tracking;
		this.hooks = hooks;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.usage = usage;
	}

	/** @param created whether this call submitted it (false: an earlier call with the same key did) */
	record Submission(ApplicationView application, boolean created) {
	}

	/**
	 * Submits an application. The same applicant and key again (also concurrently) gives the first application.
	 * @throws PlatformException 404 when the item is not an ONLINE published item the person may use, 422 with
	 * errors[] for invalid data, 409/422 from a hook
	 */
	@Transactional
	public Submission submit(CampusUser user, String serviceCode, Map<String, Object> formData,
			Map<String, List<UUID>> assignees, String idempotencyKey) {
		UUID me = user.personId();
		applications.lockKey(me, idempotencyKey);
		Optional<ApplicationRecord> earlier = applications.byKey(me, idempotencyKey);
		if (earlier.isPresent()) {
			return new Submission(view(earlier.get(), user), false);
		}
		ServiceItem item = usable(serviceCode, me);
		Map<String, Object> data = validate(item, me, null, formData);
		UUID id = UUID.randomUUID();
		hooksOf(item).forEach(hook -> hook.beforeSubmit(item, id, me, data));
		InstanceSummary instance = processes.start(item.processKey(), me, data, assignees, "hall:" + idempotencyKey);
		Optional<ApplicationRecord> same = applications.byInstance(instance.id());
		if (same.isPresent()) {
			return new Submission(view(same.get(), user), false);
		}
		applications.insert(id, item.code(), me, instance.id(), item.ownerOrgUnitId(), item.crossDepartment(),
				ApplicationRecord.RUNNING, idempotencyKey);
		applications.deleteDraft(me, item.code());
		usage.used(item.code(), me);
		audit.record("hall.application.submit", "hall-application:" + id, Map.of("service", item.code(), "instance",
				instance.id().toString()));
		events.publishEvent(new ApplicationEvents.Submitted(id));
		return new Submission(view(applications.find(id).orElseThrow(), user), true);
	}

	@Transactional(readOnly = true)
	public ApplicationView get(UUID id, CampusUser user) {
		return view(visible(id, user), user);
	}

	@Transactional
	public ApplicationView withdraw(UUID id, CampusUser user, String reason) {
		ApplicationRecord application = own(id, user);
		tracking.withdraw(application.instanceId(), user.personId(), reason);
		ended(application, "WITHDRAWN");
		audit.record("hall.application.withdraw", "hall-application:" + id, Map.of("reason", reason == null ? "" : reason));
		return view(applications.find(id).orElseThrow(), user);
	}

	@Transactional
	public ApplicationView resubmit(UUID id, CampusUser user, Map<String, Object> formData, String comment) {
		ApplicationRecord application = own(id, user);
		if (!ApplicationRecord.RETURNED.equals(status(application))) {
			throw PlatformException.conflict("hall.application.not-returned", id);
		}
		if (!ApplicationRecord.RETURNED.equals(application.status())) {
			// the return event has not arrived yet: count the return now (the event then finds it resubmitted)
			returned(application, null);
		}
		ServiceItem item = catalogue.find(application.serviceCode()).orElseThrow();
		Progress progress = tracking.progress(application.instanceId()).orElseThrow();
		Map<String, Object> data = validate(item, user.personId(), progress.formData(),
				formData == null ? progress.formData() : formData);
		hooksOf(item).forEach(hook -> hook.beforeSubmit(item, id, user.personId(), data));
		tracking.resubmit(application.instanceId(), user.personId(), data, comment);
		applications.status(id, ApplicationRecord.RUNNING);
		audit.record("hall.application.resubmit", "hall-application:" + id, Map.of("returnCount", application.returnCount()));
		return view(applications.find(id).orElseThrow(), user);
	}

	@Transactional
	public ApplicationView evaluate(UUID id, CampusUser user, int stars, String comment) {
		ApplicationRecord application = own(id, user);
		if (!completed(status(application))) {
			throw PlatformException.conflict("hall.application.not-completed", id);
		}
		if (!applications.evaluate(application, stars, comment)) {
			throw PlatformException.conflict("hall.application.evaluated", id);
		}
		audit.record("hall.application.evaluate", "hall-application:" + id, Map.of("stars", stars));
		return view(application, user);
	}

	@Transactional(readOnly = true)
	public ServiceHook.Result result(UUID id, CampusUser user, String name) {
		ApplicationRecord application = visible(id, user);
		if (!ApplicationRecord.APPROVED.equals(status(application))) {
			throw PlatformException.conflict("hall.application.not-approved", id);
		}
		return results(application).stream().filter(r -> r.name().equals(name)).findFirst()
			.orElseThrow(() -> PlatformException.notFound("result", name));
	}

	@Transactional(readOnly = true)
	public Page<ApplicationView.Item> list(CampusUser user, String scope, String status, String q, PageQuery page) {
		UUID me = user.personId();
		String where;
		Map<String, Object> params = new LinkedHashMap<>();
		switch (scope == null ? "mine" : scope) {
			case "mine" -> {
				where = "a.applicant_id = :me";
				params.put("me", me);
			}
			case "handled", "cc" -> {
				List<String> keys = catalogue.all().stream().filter(i -> ServiceItem.ONLINE.equals(i.handling()))
					.map(ServiceItem::processKey).distinct().toList();
				List<UUID> ids = tracking.involvedIn(me, "cc".equals(scope) ? "CC" : "HANDLED", keys, INVOLVED_LIMIT);
				where = "a.instance_id = any(:ids)";
				params.putAll(Applications.ids("ids", ids));
			}
			case "admin" -> {
				AdminScopes.Administered administered = adminScopes.of(user, MANAGE);
				if (administered.whole()) {
					where = "true";
				}
				else {
					where = "a.owner_org_unit_id = any(:units)";
					params.putAll(Applications.ids("units", administered.units()));
				}
			}
			default -> throw PlatformException.invalid(List.of(new FieldProblem("scope", "hall.application.scope")));
		}
		if (status != null && !STATUSES.containsAll(List.of(status.split(",")))) {
			throw PlatformException.invalid(List.of(new FieldProblem("status", "hall.application.status", status)));
		}
		long total = applications.count(where, params, status, q);
		List<Applications.Listed> rows = applications.list(where, params, status, q, page.sizeOrDefault(), page.offset());
		Set<UUID> people = new HashSet<>();
		rows.forEach(r -> people.add(r.application().applicantId()));
		Map<UUID, String> names = names(people);
		List<ApplicationView.Item> items = rows.stream().map(r -> {
			ApplicationRecord a = r.application();
			return new ApplicationView.Item(a.id(), a.serviceCode(), r.serviceName(),
					new ApplicationView.Person(a.applicantId(), names.get(a.applicantId())), a.status(), a.submittedAt(),
					a.endedAt(), a.returnCount());
		}).toList();
		return new Page<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
	}

	/**
	 * What the apply page needs: the item's form (the version its process starts with), the values prefilled for
	 * the person with their provenance, and the person's draft.
	 * @param form null for a process without a form
	 */
	record ApplyForm(String serviceCode, Map<String, String> serviceName, Map<String, String> summary,
			Integer promisedDays, ApplicationView.Form form, Map<String, PrefilledValue> prefill, Applications.Draft draft) {
	}

	@Transactional(readOnly = true)
	public ApplyForm applyForm(CampusUser user, String serviceCode) {
		ServiceItem item = usable(serviceCode, user.personId());
		ApplicationView.Form form = null;
		Map<String, PrefilledValue> prefill = Map.of();
		Optional<InstanceTracking.StartForm> start = tracking.startForm(item.processKey());
		if (start.isPresent()) {
			Forms.FormVersion version = forms.version(start.get().formKey(), start.get().formVersion());
			form = new ApplicationView.Form(version.key(), version.version(), version.schema(), version.layout());
			prefill = forms.prefill(version.key(), version.version(), user.personId());
		}
		return new ApplyForm(item.code(), item.name(), item.summary(), item.promisedDays(), form, prefill,
				applications.draft(user.personId(), item.code()).orElse(null));
	}

	// ---- drafts

	@Transactional(readOnly = true)
	public Applications.Draft draft(CampusUser user, String serviceCode) {
		usable(serviceCode, user.personId());
		return applications.draft(user.personId(), serviceCode)
			.orElseThrow(() -> PlatformException.notFound("draft", serviceCode));
	}

	@Transactional
	public Applications.Draft saveDraft(CampusUser user, String serviceCode, Map<String, Object> formData) {
		usable(serviceCode, user.personId());
		String text = json.writeValueAsString(formData == null ? Map.of() : formData);
		if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DRAFT_LIMIT) {
			throw PlatformException.invalid(List.of(new FieldProblem("formData", "hall.draft.too-large", DRAFT_LIMIT / 1024)));
		}
		applications.saveDraft(user.personId(), serviceCode, text);
		audit.record("hall.draft.save", "hall-draft:" + serviceCode, Map.of());
		return applications.draft(user.personId(), serviceCode).orElseThrow();
	}

	@Transactional
	public void deleteDraft(CampusUser user, String serviceCode) {
		if (!applications.deleteDraft(user.personId(), serviceCode)) {
			throw PlatformException.notFound("draft", serviceCode);
		}
		audit.record("hall.draft.delete", "hall-draft:" + serviceCode, Map.of());
	}

	// ---- workflow events (ApplicationTracking calls these in the listener's transaction)

	/** Records the end once, calls the hooks and tells the applicant. */
	void ended(ApplicationRecord application, String status) {
		if (!applications.end(application.id(), status)) {
			return;
		}
		ServiceItem item = catalogue.find(application.serviceCode()).orElseThrow();
		List<ServiceHook> interested = hooksOf(item);
		if (!interested.isEmpty()) {
			Map<String, Object> data = tracking.progress(application.instanceId()).map(Progress::formData).orElse(Map.of());
			interested.forEach(hook -> hook.ended(item, application.id(), application.applicantId(), status, data));
		}
		events.publishEvent(new ApplicationEvents.Ended(application.id(), status));
	}

	void returned(ApplicationRecord application, String comment) {
		if (applications.markReturned(application.id())) {
			events.publishEvent(new ApplicationEvents.Returned(application.id(), application.returnCount() + 1, comment));
		}
	}

	void suspended(ApplicationRecord application, UUID actorId, String reason, Instant at) {
		if (applications.suspend(application.id(), at)) {
			events.publishEvent(new ApplicationEvents.Suspended(application.id(), actorId, reason, at));
		}
	}

	void resumed(ApplicationRecord application, UUID actorId, String reason, Instant at) {
		if (applications.resume(application.id(), at)) {
			events.publishEvent(new ApplicationEvents.Resumed(application.id(), actorId, reason, at));
		}
	}

	// ---- helpers

	/** The item if it is an ONLINE published item whose audience includes the person; else 404. */
	ServiceItem usable(String serviceCode, UUID personId) {
		ServiceItem item = catalogue.find(serviceCode).orElseThrow(() -> PlatformException.notFound("service", serviceCode));
		if (!item.published() || !ServiceItem.ONLINE.equals(item.handling()) || !memberships.of(personId)
			.in(item.audienceAffiliationTypes(), item.audienceRoles(), item.audienceOrgUnits())) {
			throw PlatformException.notFound("service", serviceCode);
		}
		return item;
	}

	private Map<String, Object> validate(ServiceItem item, UUID personId, Map<String, Object> previous,
			Map<String, Object> submitted) {
		Optional<InstanceTracking.StartForm> form = tracking.startForm(item.processKey());
		Map<String, Object> data = submitted == null ? Map.of() : submitted;
		hooksOf(item).forEach(hook -> hook.beforeValidation(item, data));
		if (form.isEmpty()) {
			return new LinkedHashMap<>(data);
		}
		InstanceTracking.StartForm start = form.get();
		return forms.validate(start.formKey(), start.formVersion(), personId, start.access(), previous, data, true);
	}

	private List<ServiceHook> hooksOf(ServiceItem item) {
		return hooks.orderedStream().filter(h -> h.supports(item)).toList();
	}

	private ApplicationRecord visible(UUID id, CampusUser user) {
		ApplicationRecord application = applications.find(id)
			.orElseThrow(() -> PlatformException.notFound("application", id));
		UUID me = user.personId();
		if (application.applicantId().equals(me) || tracking.participates(application.instanceId(), me)
				|| administers(application, user)) {
			return application;
		}
		throw PlatformException.notFound("application", id);
	}

	/** The application if the user is its applicant; 404 if they may not see it, 403 if they only may see it. */
	private ApplicationRecord own(UUID id, CampusUser user) {
		ApplicationRecord application = visible(id, user);
		if (!application.applicantId().equals(user.personId())) {
			throw new PlatformException(HttpStatus.FORBIDDEN, "hall.application.not-applicant");
		}
		return application;
	}

	/** An administrator of the item (in scope), or of what the application claims (a room administrator). */
	private boolean administers(ApplicationRecord application, CampusUser user) {
		if (user.hasPermission(MANAGE)) {
			AdminScopes.Administered scope = adminScopes.of(user, MANAGE);
			if (scope.covers(application.ownerOrgUnitId()) || catalogue.find(application.serviceCode())
				.map(item -> scope.covers(item.ownerOrgUnitId())).orElse(false)) {
				return true;
			}
		}
		return catalogue.find(application.serviceCode())
			.map(item -> hooksOf(item).stream().anyMatch(h -> h.administers(item, application.id(), user)))
			.orElse(false);
	}

	private static boolean completed(String status) {
		return "APPROVED".equals(status) || "REJECTED".equals(status);
	}

	private List<ServiceHook.Result> results(ApplicationRecord application) {
		ServiceItem item = catalogue.find(application.serviceCode()).orElseThrow();
		List<ServiceHook> interested = hooksOf(item);
		if (interested.isEmpty()) {
			return List.of();
		}
		Map<String, Object> data = tracking.progress(application.instanceId()).map(Progress::formData).orElse(Map.of());
		List<ServiceHook.Result> results = new ArrayList<>();
		interested.forEach(h -> results.addAll(h.results(item, application.id(), application.applicantId(), data)));
		return results;
	}

	ApplicationView view(ApplicationRecord application, CampusUser user) {
		ServiceItem item = catalogue.find(application.serviceCode()).orElseThrow();
		Progress progress = tracking.progress(application.instanceId()).orElseThrow();
		boolean applicant = application.applicantId().equals(user.personId());
		String status = application.ended() ? application.status() : liveStatus(application, progress);
		List<ApplicationView.CurrentNode> current = progress.current().stream()
			.map(n -> new ApplicationView.CurrentNode(n.nodeId(), n.name(),
					n.handlers().stream().map(ApplicationView.Person::of).toList(), n.since()))
			.toList();
		List<ApplicationView.Step> timeline = progress.timeline().stream()
			.map(s -> new ApplicationView.Step(s.action(), ApplicationView.Person.of(s.actor()), s.nodeId(), s.nodeName(),
					s.at(), s.comment(), s.attachments()))
			.toList();
		boolean approverActed = progress.timeline().stream().anyMatch(s -> s.actor() != null
				&& !s.actor().id().equals(application.applicantId())
				&& ("APPROVED".equals(s.action()) || "REJECTED".equals(s.action())));
		Optional<Applications.Evaluation> evaluation = applications.evaluation(application.id());
		ApplicationView.Actions actions = new ApplicationView.Actions(
				applicant && ("RETURNED".equals(status) || "RUNNING".equals(status) && !approverActed),
				applicant && "RETURNED".equals(status), applicant && completed(status) && evaluation.isEmpty());
		List<ApplicationView.Result> results = "APPROVED".equals(status) ? results(application).stream()
			.map(r -> new ApplicationView.Result(r.name(), r.label(), r.contentType())).toList() : List.of();
		ApplicationView.Form form = null;
		if (progress.formKey() != null) {
			Forms.FormVersion version = forms.version(progress.formKey(), progress.formVersion());
			form = new ApplicationView.Form(version.key(), version.version(), version.schema(), version.layout());
		}
		String applicantName = progress.timeline().stream().filter(s -> s.actor() != null
				&& s.actor().id().equals(application.applicantId())).map(s -> s.actor().name()).findFirst()
			.orElseGet(() -> names(Set.of(application.applicantId())).get(application.applicantId()));
		// handlers and CC'd people see the data in their task with the node's field access, not here
		Map<String, Object> data = applicant || administers(application, user) ? progress.formData() : null;
		// on hold: who suspended it, when and why (the last suspension in the timeline)
		ApplicationView.Suspension suspension = null;
		for (int i = timeline.size() - 1; i >= 0 && "SUSPENDED".equals(status) && suspension == null; i--) {
			ApplicationView.Step step = timeline.get(i);
			if ("SUSPENDED".equals(step.action())) {
				suspension = new ApplicationView.Suspension(step.actor(), step.at(), step.comment());
			}
		}
		return new ApplicationView(application.id(), application.serviceCode(), item.name(),
				new ApplicationView.Person(application.applicantId(), applicantName), status, application.submittedAt(),
				application.endedAt(), application.instanceId(), application.returnCount(), item.promisedDays(), current,
				timeline, suspension, actions, evaluation.map(e -> new ApplicationView.Evaluation(e.stars(), e.comment(), e.at()))
					.orElse(null),
				results, data, form);
	}

	/** The status, from the workflow while the hall row has not ended yet (its events arrive after commit). */
	private String status(ApplicationRecord application) {
		if (application.ended()) {
			return application.status();
		}
		return tracking.progress(application.instanceId()).map(p -> liveStatus(application, p)).orElse(application.status());
	}

	/** The workflow's status while the hall row waits for the event that brings it in step. */
	private static String liveStatus(ApplicationRecord application, Progress progress) {
		return progress.status() == null ? application.status() : progress.status();
	}

	private Map<UUID, String> names(Set<UUID> ids) {
		Map<UUID, String> names = new LinkedHashMap<>();
		directory.contacts(ids).forEach(c -> names.put(c.personId(), c.name()));
		return names;
	}
}

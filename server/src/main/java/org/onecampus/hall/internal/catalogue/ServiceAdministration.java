package org.onecampus.hall.internal.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.AdminScopes;
import org.onecampus.identity.AdminScopes.Administered;
import org.onecampus.identity.CampusApps;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.PublishedProcesses;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Department administrators manage their own department's items ({@code hall:service:manage}, scoped by
 * {@link AdminScopes}): items of other departments do not exist for them (404). Every change is validated field by
 * field (422), optimistic (409 on a stale revision) and audited with the item before and after.
 */
@Service
public class ServiceAdministration {

	static final String PERMISSION = "hall:service:manage";

	static final Set<String> HANDLINGS = Set.of(ServiceItem.ONLINE, ServiceItem.OFFLINE_GUIDE, ServiceItem.LINK);

	static final Set<String> STATUSES = Set.of(ServiceItem.DRAFT, ServiceItem.PUBLISHED,
			ServiceItem.WITHDRAWN_FROM_SERVICE);

	private final ServiceCatalogue catalogue;

	private final SearchDocuments documents;

	private final AdminScopes scopes;

	private final PersonProfiles profiles;

	private final PublishedProcesses processes;

	private final CampusApps apps;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	ServiceAdministration(ServiceCatalogue catalogue, SearchDocuments documents, AdminScopes scopes,
			PersonProfiles profiles, PublishedProcesses processes, CampusApps apps, AuditLog audit, JdbcClient jdbc) {
		this.catalogue = catalogue;
		this.documents = documents;
		this.scopes = scopes;
		this.profiles = profiles;
		this.processes = processes;
		this.apps = apps;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** An item as an administrator writes it; {@code revision} is the one read (ignored on create). */
	public record ServiceInput(String code, Map<String, String> name, Map<String, String> summary, String categoryCode,
			UUID ownerOrgUnitId, List<UUID> coOrgUnitIds, JsonNode audience, boolean publicGuide, String handling,
			String processKey, String linkAppCode, String linkUrl, JsonNode guide, JsonNode materials, JsonNode fees,
			Integer promisedDays, JsonNode faq, List<String> keywords, List<String> calendarTags, String status,
			boolean selfPrint, int sortOrder, int revision) {
	}

	/**
	 * @param status null: every status
	 * @param ownerOrgUnitId null: every department in scope
	 */
	List<ServiceItem> list(CampusUser user, String status, String category, UUID ownerOrgUnitId, String query) {
		Administered scope = scopes.of(user, PERMISSION);
		List<ServiceItem> items = catalogue.all().stream().filter(item -> scope.covers(item.ownerOrgUnitId()))
			.filter(item -> status == null || status.isBlank() || item.status().equals(status))
			.filter(item -> category == null || category.isBlank() || item.categoryCode().equals(category))
			.filter(item -> ownerOrgUnitId == null || item.ownerOrgUnitId().equals(ownerOrgUnitId)).toList();
		List<String> words = ServiceSearch.words(query);
		if (words.isEmpty()) {
			return items;
		}
		Map<String, SearchDocument> docs = documents.of(items);
		return items.stream().filter(item -> ServiceSearch.score(docs.get(item.code()), words) > 0).toList();
	}

	/** @throws PlatformException 404 for an unknown item or one outside the administrator's scope */
	ServiceItem get(CampusUser user, String code) {
		Administered scope = scopes.of(user, PERMISSION);
		return catalogue.find(code).filter(item -> scope.covers(item.ownerOrgUnitId()))
			.orElseThrow(() -> PlatformException.notFound("service", code));
	}

	@Transactional
	ServiceItem create(CampusUser user, ServiceInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		if (input.code() == null || !input.code().matches("^[a-z][a-z0-9-]{2,63}$")) {
			problems.add(new FieldProblem("code", "hall.service.code-invalid"));
		}
		String status = input.status() == null ? ServiceItem.DRAFT : input.status();
		validate(user, input, status, problems);
		ServiceItem created = catalogue.insert(item(input, input.code(), status, 0), user.personId());
		documents.save(created);
		audit.record("hall.service.created", "service:" + created.code(), Map.of("after", snapshot(created)));
		return created;
	}

	@Transactional
	ServiceItem update(CampusUser user, String code, ServiceInput input) {
		ServiceItem before = get(user, code);
		String status = input.status() == null ? before.status() : input.status();
		validate(user, input, status, new ArrayList<>());
		ServiceItem after = catalogue.update(item(input, code, status, input.revision()));
		documents.save(after);
		audit.record("hall.service.updated", "service:" + code, Map.of("before", snapshot(before), "after", snapshot(after)));
		return after;
	}

	/** Publishes the item or takes it offline. */
	@Transactional
	ServiceItem changeStatus(CampusUser user, String code, String status, int revision) {
		ServiceItem before = get(user, code);
		ServiceInput input = input(before, status, revision);
		validate(user, input, status, new ArrayList<>());
		ServiceItem after = catalogue.update(item(input, code, status, revision));
		documents.save(after);
		String action = ServiceItem.PUBLISHED.equals(status) ? "hall.service.published" : "hall.service.taken-offline";
		audit.record(action, "service:" + code, Map.of("before", Map.of("status", before.status(), "revision", before.revision()),
				"after", Map.of("status", after.status(), "revision", after.revision())));
		return after;
	}

	private void validate(CampusUser user, ServiceInput input, String status, List<FieldProblem> problems) {
		String zh = input.name() == null ? null : input.name().get("zh-CN");
		if (zh == null || zh.isBlank() || zh.length() > 200) {
			problems.add(new FieldProblem("name", "hall.service.name-required"));
		}
		if (input.name() != null && input.name().values().stream().anyMatch(v -> v != null && v.length() > 200)) {
			problems.add(new FieldProblem("name", "hall.service.name-required"));
		}
		if (input.categoryCode() == null || jdbc.sql("select count(*) from hall_category where code = :code")
			.param("code", input.categoryCode()).query(Integer.class).single() == 0) {
			problems.add(new FieldProblem("categoryCode", "hall.service.category-unknown"));
		}
		Administered scope = scopes.of(user, PERMISSION);
		if (input.ownerOrgUnitId() == null || profiles.existingOrgUnits(List.of(input.ownerOrgUnitId())).isEmpty()) {
			problems.add(new FieldProblem("ownerOrgUnitId", "hall.service.owner-unknown"));
		}
		else if (!scope.covers(input.ownerOrgUnitId())) {
			problems.add(new FieldProblem("ownerOrgUnitId", "hall.service.owner-out-of-scope"));
		}
		List<UUID> co = input.coOrgUnitIds() == null ? List.of() : input.coOrgUnitIds();
		if (!co.isEmpty() && profiles.existingOrgUnits(co).size() != Set.copyOf(co).size()) {
			problems.add(new FieldProblem("coOrgUnitIds", "hall.service.co-unknown"));
		}
		if (input.handling() == null || !HANDLINGS.contains(input.handling())) {
			problems.add(new FieldProblem("handling", "hall.service.handling-unknown"));
		}
		else if (ServiceItem.ONLINE.equals(input.handling())) {
			if (input.processKey() == null || processes.latest(input.processKey()).isEmpty()) {
				problems.add(new FieldProblem("processKey", "hall.service.process-unpublished"));
			}
		}
		else if (ServiceItem.LINK.equals(input.handling())) {
			CampusApps.CampusApp app = input.linkAppCode() == null ? null : apps.app(input.linkAppCode()).orElse(null);
			if (app == null) {
				problems.add(new FieldProblem("linkAppCode", "hall.service.app-unknown"));
			}
			else if (input.linkUrl() == null || !apps.allows(app, input.linkUrl())) {
				problems.add(new FieldProblem("linkUrl", "hall.service.link-not-allowed"));
			}
		}
		if (input.promisedDays() != null && (input.promisedDays() < 0 || input.promisedDays() > 365)) {
			problems.add(new FieldProblem("promisedDays", "hall.service.promised-days"));
		}
		if (!STATUSES.contains(status)) {
			problems.add(new FieldProblem("status", "hall.service.status-unknown"));
		}
		JsonNode amount = input.fees() == null ? null : input.fees().get("amount");
		if (amount != null && !amount.isNull() && (!amount.isNumber() || amount.asDouble() < 0)) {
			problems.add(new FieldProblem("fees.amount", "hall.service.fee-invalid"));
		}
		if (input.audience() != null && !input.audience().isNull()) {
			List<String> unknown = new ArrayList<>();
			input.audience().path("orgUnits").forEach(unit -> {
				if (profiles.orgUnitIdByCode(unit.asString()).isEmpty()) {
					unknown.add(unit.asString());
				}
			});
			if (!unknown.isEmpty()) {
				problems.add(new FieldProblem("audience.orgUnits", "hall.service.audience-unit-unknown", String.join(", ", unknown)));
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private static ServiceItem item(ServiceInput input, String code, String status, int revision) {
		return new ServiceItem(code, input.name(), input.summary(), input.categoryCode(), input.ownerOrgUnitId(),
				input.coOrgUnitIds(), input.audience(), input.publicGuide(), input.handling(),
				ServiceItem.ONLINE.equals(input.handling()) ? input.processKey() : null,
				ServiceItem.LINK.equals(input.handling()) ? input.linkAppCode() : null,
				ServiceItem.LINK.equals(input.handling()) ? input.linkUrl() : null, input.guide(), input.materials(),
				input.fees(), input.promisedDays(), input.faq(), input.keywords(), input.calendarTags(), status,
				input.selfPrint(), input.sortOrder(), revision, null, null, null);
	}

	static ServiceInput input(ServiceItem item, String status, int revision) {
		return new ServiceInput(item.code(), item.name(), item.summary(), item.categoryCode(), item.ownerOrgUnitId(),
				item.coOrgUnitIds(), item.audience(), item.publicGuide(), item.handling(), item.processKey(),
				item.linkAppCode(), item.linkUrl(), item.guide(), item.materials(), item.fees(), item.promisedDays(),
				item.faq(), item.keywords(), item.calendarTags(), status, item.selfPrint(), item.sortOrder(), revision);
	}

	/** The item's editable fields for the audit trail. */
	static Map<String, Object> snapshot(ServiceItem item) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", item.name());
		values.put("summary", item.summary());
		values.put("categoryCode", item.categoryCode());
		values.put("ownerOrgUnitId", item.ownerOrgUnitId());
		values.put("coOrgUnitIds", item.coOrgUnitIds());
		values.put("audience", item.audience());
		values.put("publicGuide", item.publicGuide());
		values.put("handling", item.handling());
		values.put("processKey", item.processKey());
		values.put("linkAppCode", item.linkAppCode());
		values.put("linkUrl", item.linkUrl());
		values.put("guide", item.guide());
		values.put("materials", item.materials());
		values.put("fees", item.fees());
		values.put("promisedDays", item.promisedDays());
		values.put("faq", item.faq());
		values.put("keywords", item.keywords());
		values.put("calendarTags", item.calendarTags());
		values.put("status", item.status());
		values.put("selfPrint", item.selfPrint());
		values.put("sortOrder", item.sortOrder());
		values.put("revision", item.revision());
		return values;
	}
}

package org.onecampus.hall.internal.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.templates.TemplateLibrary.ServiceTemplate;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.Blueprints;
import org.onecampus.workflow.Blueprints.ProcessBlueprint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installs a shipped template as a published form, a published process and a published catalogue item, in one
 * transaction. Installing an unchanged template again changes nothing; a changed template publishes new form and
 * process versions (only those that differ) and updates the item. Every installation that changes something is
 * audited as {@code hall.template-installed}.
 */
@Service
public class ServiceTemplates {

	private final TemplateLibrary library;

	private final Blueprints blueprints;

	private final ServiceCatalogue catalogue;

	private final PersonProfiles profiles;

	private final PersonDirectory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ServiceTemplates(TemplateLibrary library, Blueprints blueprints, ServiceCatalogue catalogue, PersonProfiles profiles,
			PersonDirectory directory, AuditLog audit, JdbcClient jdbc, JsonMapper json) {
		this.library = library;
		this.blueprints = blueprints;
		this.catalogue = catalogue;
		this.profiles = profiles;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @return every shipped template with what is installed of it */
	public List<TemplateView> list() {
		Map<String, Installation> installed = new LinkedHashMap<>();
		jdbc.sql("select * from hall_template_installation").query(this::installationRow).list()
			.forEach(i -> installed.put(i.code(), i));
		List<TemplateView> views = new ArrayList<>();
		for (ServiceTemplate t : library.all()) {
			views.add(view(t, installed.get(t.code())));
		}
		return views;
	}

	/**
	 * @param actor the person installing (audited); may be null for the demo start-up
	 * @throws PlatformException 404 for an unknown template, 422 when the demo university lacks an org unit it names
	 */
	@Transactional
	public InstallResult install(String code, UUID actor) {
		ServiceTemplate template = library.find(code).orElseThrow(() -> PlatformException.notFound("template", code));
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "hall.template:" + code).query().singleRow();
		Optional<Installation> before = installation(code);
		if (before.isPresent() && before.get().checksum().equals(template.checksum())
				&& catalogue.find(before.get().serviceCode()).isPresent()) {
			return new InstallResult(view(template, before.get()), false, false);
		}
		JsonNode doc = template.document();
		UUID owner = unit(doc.path("ownerOrgUnit").asString());
		int formVersion = blueprints.installForm(template.form(), owner, actor);
		JsonNode process = template.process();
		String formKey = template.form().path("key").asString();
		List<UUID> admins = new ArrayList<>();
		process.path("admins").forEach(u -> directory.personIdByUsername(u.asString()).ifPresent(admins::add));
		JsonNode model = resolvePositions(process.get("model").deepCopy());
		int processVersion = blueprints.installProcess(new ProcessBlueprint(process.path("key").asString(),
				texts(process.get("name")), formKey, formVersion, process.get("applicants"), admins, owner, model), actor);
		ServiceItem item = item(doc, owner, process.path("key").asString());
		Optional<ServiceItem> existing = catalogue.find(item.code());
		if (existing.isPresent()) {
			ServiceItem current = existing.get();
			catalogue.update(withRevision(item, current.revision()));
		}
		else {
			catalogue.insert(item, actor);
		}
		int version = before.map(i -> i.version() + 1).orElse(1);
		jdbc.sql("""
				insert into hall_template_installation (code, service_code, version, checksum, form_key, form_version,
				  process_key, process_version, installed_by)
				values (:code, :service, :version, :checksum, :formKey, :formVersion, :processKey, :processVersion, :by)
				on conflict (code) do update set service_code = excluded.service_code, version = excluded.version,
				  checksum = excluded.checksum, form_key = excluded.form_key, form_version = excluded.form_version,
				  process_key = excluded.process_key, process_version = excluded.process_version,
				  installed_by = excluded.installed_by, updated_at = now()""")
			.param("code", code).param("service", item.code()).param("version", version)
			.param("checksum", template.checksum()).param("formKey", formKey).param("formVersion", formVersion)
			.param("processKey", item.processKey()).param("processVersion", processVersion).param("by", actor).update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("formVersion", formVersion);
		details.put("processVersion", processVersion);
		audit.record("hall.template-installed", "service:" + item.code(), details);
		return new InstallResult(view(template, installation(code).orElseThrow()), true, before.isEmpty());
	}

	private ServiceItem item(JsonNode doc, UUID owner, String processKey) {
		List<UUID> co = new ArrayList<>();
		doc.path("coOrgUnits").forEach(c -> co.add(unit(c.asString())));
		List<String> keywords = new ArrayList<>();
		doc.path("keywords").forEach(k -> keywords.add(k.asString()));
		List<String> tags = new ArrayList<>();
		doc.path("calendarTags").forEach(k -> tags.add(k.asString()));
		Integer promised = doc.hasNonNull("promisedDays") ? doc.get("promisedDays").asInt() : null;
		return new ServiceItem(doc.path("code").asString(), texts(doc.get("name")), texts(doc.get("summary")),
				doc.path("category").asString(), owner, co, doc.get("audience"), doc.path("publicGuide").asBoolean(false),
				ServiceItem.ONLINE, processKey, null, null, doc.get("guide"), doc.get("materials"), doc.get("fees"), promised,
				doc.get("faq"), keywords, tags, ServiceItem.PUBLISHED, doc.path("selfPrint").asBoolean(false),
				doc.path("sortOrder").asInt(0), 0, null, null, null);
	}

	private static ServiceItem withRevision(ServiceItem i, int revision) {
		return new ServiceItem(i.code(), i.name(), i.summary(), i.categoryCode(), i.ownerOrgUnitId(), i.coOrgUnitIds(),
				i.audience(), i.publicGuide(), i.handling(), i.processKey(), i.linkAppCode(), i.linkUrl(), i.guide(),
				i.materials(), i.fees(), i.promisedDays(), i.faq(), i.keywords(), i.calendarTags(), i.status(), i.selfPrint(),
				i.sortOrder(), revision, i.createdAt(), i.updatedAt(), i.publishedAt());
	}

	/** {@code KIND@CODE} positions become {@code KIND@<org unit id>}; relative positions stay. */
	private JsonNode resolvePositions(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode position = object.get("position");
			if (position != null && position.isString()) {
				String text = position.asString();
				int at = text.indexOf('@');
				if (at > 0 && !isUuid(text.substring(at + 1))) {
					object.put("position", text.substring(0, at) + "@" + unit(text.substring(at + 1)));
				}
			}
			object.properties().forEach(e -> resolvePositions(e.getValue()));
		}
		else if (node != null && node.isArray()) {
			node.forEach(this::resolvePositions);
		}
		return node;
	}

	private static boolean isUuid(String text) {
		try {
			UUID.fromString(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private UUID unit(String code) {
		return profiles.orgUnitIdByCode(code).orElseThrow(
				() -> new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "hall.template.unknown-unit", code));
	}

	private Map<String, String> texts(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		if (node != null) {
			node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		}
		return values;
	}

	private Optional<Installation> installation(String code) {
		return jdbc.sql("select * from hall_template_installation where code = :code").param("code", code)
			.query(this::installationRow).optional();
	}

	private Installation installationRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Installation(rs.getString("code"), rs.getString("service_code"), rs.getInt("version"),
				rs.getString("checksum"), rs.getInt("form_version"), rs.getInt("process_version"),
				rs.getTimestamp("installed_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private TemplateView view(ServiceTemplate t, Installation installed) {
		JsonNode doc = t.document();
		List<String> co = new ArrayList<>();
		doc.path("coOrgUnits").forEach(c -> co.add(c.asString()));
		return new TemplateView(t.code(), texts(doc.get("name")), texts(doc.get("summary")), doc.path("category").asString(),
				doc.path("ownerOrgUnit").asString(), co, doc.path("selfPrint").asBoolean(false),
				doc.path("promisedDays").isMissingNode() ? null : doc.path("promisedDays").asInt(),
				new InstalledState(installed != null, installed != null && installed.checksum().equals(t.checksum()),
						installed == null ? null : installed.version(), installed == null ? null : installed.formVersion(),
						installed == null ? null : installed.processVersion(), installed == null ? null : installed.updatedAt()));
	}

	record Installation(String code, String serviceCode, int version, String checksum, int formVersion,
			int processVersion, Instant installedAt, Instant updatedAt) {
	}

	/**
	 * A template as the templates page lists it.
	 * @param ownerOrgUnit code of the owning unit; {@code coOrgUnits} codes of the co-handling units
	 */
	public record TemplateView(String code, Map<String, String> name, Map<String, String> summary, String category,
			String ownerOrgUnit, List<String> coOrgUnits, boolean selfPrint, Integer promisedDays, InstalledState installed) {
	}

	/**
	 * @param upToDate the installed version is the shipped document (installing again changes nothing)
	 * @param version installation version (1 = first install; +1 for every changed document installed)
	 */
	public record InstalledState(boolean installed, boolean upToDate, Integer version, Integer formVersion,
			Integer processVersion, Instant at) {
	}

	/**
	 * @param changed whether this call changed anything
	 * @param created whether this call installed the template for the first time
	 */
	public record InstallResult(TemplateView template, boolean changed, boolean created) {
	}
}

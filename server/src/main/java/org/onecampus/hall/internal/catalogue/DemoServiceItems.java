package org.onecampus.hall.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.workflow.PublishedProcesses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: publishes the demo catalogue of {@code hall/demo-services.json} (offline guides with place,
 * hours and materials, links into the demo SSO apps, and the online {@code student-leave}) once each, and a little
 * usage by the demo accounts so the hot and recently used lists are not empty. Runs after the demo processes.
 */
@Component
@Order(40)
class DemoServiceItems implements ApplicationRunner {

	private final OneCampusProperties properties;

	private final ServiceCatalogue catalogue;

	private final SearchDocuments documents;

	private final ServiceUsage usage;

	private final PersonProfiles profiles;

	private final PersonDirectory directory;

	private final PublishedProcesses processes;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DemoServiceItems(OneCampusProperties properties, ServiceCatalogue catalogue, SearchDocuments documents,
			ServiceUsage usage, PersonProfiles profiles, PersonDirectory directory, PublishedProcesses processes,
			JdbcClient jdbc, JsonMapper json) {
		this.properties = properties;
		this.catalogue = catalogue;
		this.documents = documents;
		this.usage = usage;
		this.profiles = profiles;
		this.directory = directory;
		this.processes = processes;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!properties.demo().enabled()) {
			return;
		}
		UUID admin = directory.personIdByUsername("admin").orElse(null);
		for (JsonNode node : read()) {
			String code = node.path("code").asString();
			if (catalogue.find(code).isPresent()) {
				continue;
			}
			String processKey = node.path("processKey").isNull() ? null : node.path("processKey").asString(null);
			if (processKey != null && processes.latest(processKey).isEmpty()) {
				continue;
			}
			ServiceItem created = catalogue.insert(item(node, processKey), admin);
			documents.save(created);
		}
		seedUsage();
	}

	private ServiceItem item(JsonNode node, String processKey) {
		List<UUID> co = new ArrayList<>();
		node.path("co").forEach(unit -> profiles.orgUnitIdByCode(unit.asString()).ifPresent(co::add));
		List<String> keywords = new ArrayList<>();
		node.path("keywords").forEach(k -> keywords.add(k.asString()));
		List<String> tags = new ArrayList<>();
		node.path("calendarTags").forEach(k -> tags.add(k.asString()));
		UUID owner = profiles.orgUnitIdByCode(node.path("owner").asString()).orElseThrow();
		return new ServiceItem(node.path("code").asString(), texts(node.path("name")), texts(node.path("summary")),
				node.path("categoryCode").asString(), owner, co, node.path("audience"), node.path("publicGuide").asBoolean(),
				node.path("handling").asString(), processKey, text(node, "linkAppCode"), text(node, "linkUrl"),
				node.path("guide"), node.path("materials"), node.path("fees"),
				node.path("promisedDays").isNumber() ? node.path("promisedDays").asInt() : null, node.path("faq"), keywords,
				tags, ServiceItem.PUBLISHED, node.path("selfPrint").asBoolean(), 0, 0, null, null, null);
	}

	/** A few uses by the demo accounts, once. */
	private void seedUsage() {
		if (jdbc.sql("select count(*) from hall_service_usage").query(Long.class).single() > 0) {
			return;
		}
		Map<String, List<String>> used = new LinkedHashMap<>();
		used.put("stu001", List.of("campus-card", "study-certificate", "transcript-print", "student-leave"));
		used.put("grad001", List.of("study-certificate", "lab-safety-training", "vpn-access"));
		used.put("fac001", List.of("salary-slip", "travel-reimbursement", "vpn-access", "research-funds"));
		used.put("cou001", List.of("campus-card", "meeting-room"));
		used.put("head001", List.of("official-letter", "travel-reimbursement"));
		used.forEach((username, codes) -> directory.personIdByUsername(username).ifPresent(person -> codes.stream()
			.filter(code -> catalogue.find(code).isPresent()).forEach(code -> usage.used(code, person))));
	}

	private JsonNode read() throws IOException {
		try (InputStream in = new ClassPathResource("hall/demo-services.json").getInputStream()) {
			return json.readTree(in);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

	private static Map<String, String> texts(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		return values;
	}
}

package org.onecampus.workflow.internal.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the sample forms under {@code workflow/demo-forms/} (学生请假申请 with a date range, computed
 * days and conditional fields; 费用报销申请 with a sub-table and its sum), created and published as version 1 once
 * the demo university is loaded, so the designers, the engine and the hall have real forms to work with.
 */
@Component
@Order(20)
class DemoForms implements ApplicationRunner {

	static final List<String> FORMS = List.of("leave-request", "expense-claim");

	private static final Logger log = LoggerFactory.getLogger(DemoForms.class);

	private final OneCampusProperties properties;

	private final FormDefinitions definitions;

	private final PersonProfiles profiles;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	DemoForms(OneCampusProperties properties, FormDefinitions definitions, PersonProfiles profiles, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.properties = properties;
		this.definitions = definitions;
		this.profiles = profiles;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		for (String key : FORMS) {
			if (definitions.draft(key).isEmpty()) {
				transaction.executeWithoutResult(status -> load(key));
				log.info("Published the demo form {}", key);
			}
		}
	}

	private void load(String key) {
		JsonNode document = read(key);
		List<FieldProblem> problems = DefinitionCheck.check(document.get("schema"), document.get("layout"));
		if (!problems.isEmpty()) {
			throw new IllegalStateException("demo form " + key + " is not valid: " + problems);
		}
		Map<String, String> name = new LinkedHashMap<>();
		document.get("name").properties().forEach(e -> name.put(e.getKey(), e.getValue().asString()));
		UUID owner = profiles.orgUnitIdByCode(document.path("ownerOrgUnitCode").asString()).orElse(null);
		definitions.create(key, name, owner, definitions.definition(document.get("schema"), document.get("layout")),
				null);
		definitions.publish(key, null);
	}

	private JsonNode read(String key) {
		try (InputStream in = new ClassPathResource("workflow/demo-forms/" + key + ".json").getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

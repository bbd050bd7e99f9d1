package org.onecampus.hall.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a template's application as the hall's submit use case does: the item's hooks before the start (in one
 * transaction with it), the start through {@code POST /api/v1/workflow/instances}, approvals by whoever the engine
 * names at each node (signed in as them), and the hooks' end and results.
 */
final class TemplateDriver {

	private final int port;

	private final ServiceCatalogue catalogue;

	private final List<ServiceHook> hooks;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Map<String, ApiClient> clients = new HashMap<>();

	static final JsonMapper json = JsonMapper.builder().build();

	TemplateDriver(int port, ServiceCatalogue catalogue, List<ServiceHook> hooks, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.port = port;
		this.catalogue = catalogue;
		this.hooks = hooks;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	ApiClient as(String username) {
		return clients.computeIfAbsent(username, u -> new ApiClient(port).signIn(u, IntegrationTest.DEMO_PASSWORD));
	}

	UUID person(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}

	String username(String personId) {
		return jdbc.sql("select username from identity_account where person_id = cast(:p as uuid) order by username limit 1")
			.param("p", personId).query(String.class).single();
	}

	ServiceItem item(String code) {
		ServiceItem item = catalogue.find(code).orElseThrow();
		assertThat(item.published()).isTrue();
		return item;
	}

	/** An application: its id (as the hall would give it) and the instance. */
	record Application(UUID id, ServiceItem item, UUID applicantId, UUID instanceId) {
	}

	/** Runs the hooks' beforeSubmit and starts the instance in one transaction (a hook's refusal starts nothing). */
	Application submit(String username, String serviceCode, String formData) {
		ServiceItem item = item(serviceCode);
		UUID applicant = person(username);
		UUID applicationId = UUID.randomUUID();
		@SuppressWarnings("unchecked")
		Map<String, Object> data = json.readValue(formData, Map.class);
		return transaction.execute(status -> {
			hooks.stream().filter(h -> h.supports(item)).forEach(h -> h.beforeSubmit(item, applicationId, applicant, data));
			Response started = start(username, item.processKey(), formData);
			assertThat(started.status()).as(started.body()).isEqualTo(201);
			return new Application(applicationId, item, applicant, UUID.fromString(started.json().get("id").asString()));
		});
	}

	Response start(String username, String processKey, String formData) {
		return as(username).postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"" + processKey + "\", \"formData\": " + formData + "}");
	}

	JsonNode instance(UUID instanceId) {
		return as("admin").get("/api/v1/workflow/instances/" + instanceId).json();
	}

	JsonNode instanceAs(String username, UUID instanceId) {
		return as(username).get("/api/v1/workflow/instances/" + instanceId).json();
	}

	/**
	 * Approves node after node as the persons the engine names until the instance ends.
	 * @param expectedHandlers node id → a username that must be among the node's handlers (checked when present)
	 * @return the node ids approved, in order (a multi-person node once per approval)
	 */
	List<String> approveAll(UUID instanceId, String viewer, Map<String, String> expectedHandlers) {
		List<String> approved = new ArrayList<>();
		for (int round = 0; round < 40; round++) {
			JsonNode view = instanceAs(viewer, instanceId);
			if (!"RUNNING".equals(view.get("status").asString())) {
				return approved;
			}
			JsonNode current = view.get("current").get(0);
			String nodeId = current.get("nodeId").asString();
			List<String> handlers = new ArrayList<>();
			current.get("handlers").forEach(h -> handlers.add(username(h.get("person").get("id").asString())));
			if (expectedHandlers.containsKey(nodeId)) {
				assertThat(handlers).as("handlers of " + nodeId).contains(expectedHandlers.get(nodeId));
			}
			String taskId = null;
			String approver = null;
			for (JsonNode h : current.get("handlers")) {
				if (h.hasNonNull("taskId")) {
					taskId = h.get("taskId").asString();
					approver = username(h.get("person").get("id").asString());
					if (approver.equals(expectedHandlers.get(nodeId))) {
						break;
					}
				}
			}
			assertThat(taskId).as("an open task at " + nodeId + " " + current).isNotNull();
			Response done = as(approver).postJson("/api/v1/workflow/tasks/" + taskId + "/approval", "{\"comment\": \"同意\"}");
			assertThat(done.status()).as(nodeId + " by " + approver + ": " + done.body()).isEqualTo(200);
			approved.add(nodeId);
		}
		throw new AssertionError("the instance did not end within 40 approvals");
	}

	/** Calls the hooks' end as the hall does when the instance ended, and returns their results. */
	List<ServiceHook.Result> end(Application app, String status) {
		@SuppressWarnings("unchecked")
		Map<String, Object> data = json.convertValue(instance(app.instanceId()).get("formData"), Map.class);
		return transaction.execute(tx -> {
			List<ServiceHook.Result> results = new ArrayList<>();
			hooks.stream().filter(h -> h.supports(app.item())).forEach(h -> {
				h.ended(app.item(), app.id(), app.applicantId(), status, data);
				if ("APPROVED".equals(status)) {
					results.addAll(h.results(app.item(), app.id(), app.applicantId(), data));
				}
			});
			return results;
		});
	}
}

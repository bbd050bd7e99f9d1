package org.onecampus.workflow.internal.tasks;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branch;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branches;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * The test matrix of return (退回), take-back (拿回) and add/remove signer (加签/减签) across the
 * topologies: a sequential chain, parallel branches (inside a branch, back before the fork, after the
 * join), multi-person nodes (ALL, ANY, RATIO, SEQUENTIAL) and parallel branches nested in a condition;
 * plus transfer, delegation, urge, batch approval, resubmission, permissions, double submits and
 * concurrent conflicting actions. Processes are published through the definitions service; every
 * action goes through the HTTP API as the person holding the task.
 */
@IntegrationTest
class TaskOperationsMatrixIntegrationTests {

	private static final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	WorkflowFixtures fx;

	UUID fac;

	UUID cou;

	UUID head;

	UUID it;

	UUID intl;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		fac = fx.person("fac001");
		cou = fx.person("cou001");
		head = fx.person("head001");
		it = fx.person("it001");
		intl = fx.person("intl001");
	}

	ApiClient as(String username) {
		return clients.computeIfAbsent(port + ":" + username,
				k -> new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD));
	}

	UUID start(String key) {
		Response started = as("stu001").postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"" + key + "\", \"formData\": {\"amount\": 2000, \"category\": \"equipment\"}}");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return UUID.fromString(started.json().get("id").asString());
	}

	/** The open task of {@code username} in the instance. */
	String taskOf(UUID instance, String username) {
		UUID person = fx.person(username);
		return instances.openTasks(instance).stream().filter(t -> t.assigneeId().equals(person)).map(TaskRecord::id)
			.findFirst().orElseThrow(() -> new AssertionError(username + " has no open task: " + fx.open(instance)));
	}

	/** The last task {@code username} had in the instance, open or not. */
	String lastTaskOf(UUID instance, String username) {
		UUID person = fx.person(username);
		return instances.tasks(instance).stream().filter(t -> t.assigneeId().equals(person)).map(TaskRecord::id)
			.reduce((a, b) -> b).orElseThrow();
	}

	Response post(String username, String taskId, String operation, String body) {
		return as(username).postJson("/api/v1/workflow/tasks/" + taskId + "/" + operation, body);
	}

	Response delete(String username, String path) {
		return as(username).send("DELETE", path, "application/json", BodyPublishers.noBody());
	}

	void approve(UUID instance, String username) {
		Response response = post(username, taskOf(instance, username), "approval", "{\"comment\": \"同意\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	List<String> targets(UUID instance, String username) {
		Response response = as(username).get("/api/v1/workflow/tasks/" + taskOf(instance, username) + "/return-targets");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().valueStream().map(t -> t.get("nodeId").asString()).toList();
	}

	void returnTo(UUID instance, String username, String target) {
		Response response = post(username, taskOf(instance, username), "return",
				"{\"targetNodeId\": \"" + target + "\", \"comment\": \"请补充材料\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	Response takeBack(UUID instance, String username) {
		return post(username, lastTaskOf(instance, username), "take-back", "{\"comment\": \"拿回修改意见\"}");
	}

	Response addSigner(UUID instance, String username, UUID person, String position) {
		return post(username, taskOf(instance, username), "signers",
				"{\"personId\": \"" + person + "\", \"position\": \"" + position + "\", \"comment\": \"请一并审核\"}");
	}

	// ---- topologies

	String chain() {
		return fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou),
				approver("c", persons(null, head), "null")))));
	}

	/** pre → fork { p1: x → x2, p2: y } → join → last */
	String parallel() {
		return fx.publish(model(approver("pre", persons(null, intl), branches("par", "PARALLEL",
				approver("last", persons(null, head), "null"),
				branch("p1", null, approver("x", persons(null, fac), approver("x2", persons(null, it), "null"))),
				branch("p2", null, approver("y", persons(null, cou), "null"))))));
	}

	/** a → m (fac, cou, head; the given mode) → n */
	String multi(String mode) {
		String extra = "\"multi\": \"" + mode + "\"" + ("RATIO".equals(mode) ? ", \"ratio\": 0.6" : "");
		return fx.publish(model(approver("a", persons(null, it), approver("m", persons(extra, fac, cou, head),
				approver("n", persons(null, intl), "null")))));
	}

	/** pre → condition { big: fork { x, y }, small: z } → final */
	String nested() {
		String parallel = branches("par", "PARALLEL", "null", branch("p1", null, approver("x", persons(null, fac), "null")),
				branch("p2", null, approver("y", persons(null, cou), "null")));
		return fx.publish(model(approver("pre", persons(null, intl), branches("cond", "CONDITION",
				approver("final", persons(null, it), "null"),
				branch("big", "amount >= 1000 && category == 'equipment'", parallel),
				branch("small", null, approver("z", persons(null, head), "null"))))));
	}

	// ---- return (退回)

	@Test
	void returnInASequentialChainOffersEveryPassedNodeAndReopensTheChosenOne() {
		UUID id = start(chain());
		assertThat(targets(id, "fac001")).containsExactly("start");
		approve(id, "fac001");
		approve(id, "cou001");
		assertThat(targets(id, "head001")).containsExactly("start", "a", "b");
		returnTo(id, "head001", "a");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		assertThat(fx.actions(id)).containsSubsequence("APPROVED", "APPROVED", "RETURNED", "APPROVED");
		JsonNode timeline = as("stu001").get("/api/v1/workflow/instances/" + id).json().get("timeline");
		JsonNode returned = timeline.valueStream().filter(s -> s.get("action").asString().equals("RETURNED")).findFirst()
			.orElseThrow();
		assertThat(returned.get("comment").asString()).isEqualTo("请补充材料");
		assertThat(returned.get("data").get("amount").asInt()).isEqualTo(2000);
	}

	@Test
	void aNodeNotOnTheHistoryOrAfterTheCurrentOneIsNoTarget() {
		UUID id = start(chain());
		approve(id, "fac001");
		assertProblem(post("cou001", taskOf(id, "cou001"), "return", "{\"targetNodeId\": \"c\"}"), 422,
				"request.validation");
		assertProblem(post("cou001", taskOf(id, "cou001"), "return", "{\"targetNodeId\": \"nowhere\"}"), 422,
				"request.validation");
		assertThat(fx.open(id)).containsExactly("cou001@b");
	}

	@Test
	void returnInsideAParallelBranchLeavesTheSiblingBranchAlone() {
		UUID id = start(parallel());
		approve(id, "intl001");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@y", "it001@x2");
		assertThat(targets(id, "it001")).containsExactly("start", "pre", "x");
		assertThat(targets(id, "cou001")).containsExactly("start", "pre");
		returnTo(id, "it001", "x");
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
		approve(id, "fac001");
		approve(id, "it001");
		approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
	}

	@Test
	void returnFromABranchToBeforeTheForkCancelsTheSiblingBranches() {
		UUID id = start(parallel());
		approve(id, "intl001");
		approve(id, "fac001");
		returnTo(id, "it001", "pre");
		assertThat(fx.open(id)).containsExactly("intl001@pre");
		approve(id, "intl001");
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
	}

	@Test
	void returnBeforeTheForkAlsoWithdrawsABranchAlreadyWaitingAtTheJoin() {
		UUID id = start(parallel());
		approve(id, "intl001");
		approve(id, "cou001");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("it001@x2");
		returnTo(id, "it001", "pre");
		assertThat(fx.open(id)).containsExactly("intl001@pre");
		approve(id, "intl001");
		approve(id, "fac001");
		approve(id, "it001");
		assertThat(fx.open(id)).as("the join waits for the new run of y").containsExactly("cou001@y");
		approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
	}

	@Test
	void afterTheJoinOnlyNodesBeforeTheForkAreTargets() {
		UUID id = start(parallel());
		approve(id, "intl001");
		approve(id, "fac001");
		approve(id, "it001");
		approve(id, "cou001");
		assertThat(targets(id, "head001")).containsExactly("start", "pre");
		returnTo(id, "head001", "pre");
		approve(id, "intl001");
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ALL", "ANY", "RATIO", "SEQUENTIAL" })
	void returnFromAMultiPersonNodeCancelsTheWholeNode(String mode) {
		UUID id = start(multi(mode));
		approve(id, "it001");
		if (!"SEQUENTIAL".equals(mode)) {
			assertThat(fx.open(id)).containsExactly("cou001@m", "fac001@m", "head001@m");
		}
		if ("ALL".equals(mode) || "RATIO".equals(mode)) {
			approve(id, "fac001");
		}
		String returning = "SEQUENTIAL".equals(mode) ? "fac001" : "cou001";
		assertThat(targets(id, returning)).containsExactly("start", "a");
		returnTo(id, returning, "a");
		assertThat(fx.open(id)).containsExactly("it001@a");
		approve(id, "it001");
		assertThat(fx.open(id)).isNotEmpty().allMatch(t -> t.endsWith("@m"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ALL", "ANY", "RATIO", "SEQUENTIAL" })
	void returnToAMultiPersonNodeAsksAllItsPersonsAgain(String mode) {
		UUID id = start(multi(mode));
		approve(id, "it001");
		for (String person : List.of("fac001", "cou001", "head001")) {
			if (fx.open(id).contains(person + "@m")) {
				approve(id, person);
			}
		}
		assertThat(fx.open(id)).containsExactly("intl001@n");
		assertThat(targets(id, "intl001")).containsExactly("start", "a", "m");
		returnTo(id, "intl001", "m");
		assertThat(fx.open(id)).isEqualTo("SEQUENTIAL".equals(mode) ? List.of("fac001@m")
				: List.of("cou001@m", "fac001@m", "head001@m"));
	}

	@Test
	void returnInsideParallelBranchesNestedInAConditionOffersOnlyTheTakenPath() {
		UUID id = start(nested());
		approve(id, "intl001");
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
		assertThat(targets(id, "fac001")).containsExactly("start", "pre");
		returnTo(id, "fac001", "pre");
		assertThat(fx.open(id)).containsExactly("intl001@pre");
		approve(id, "intl001");
		approve(id, "fac001");
		approve(id, "cou001");
		assertThat(targets(id, "it001")).containsExactly("start", "pre");
	}

	@Test
	void returnToTheApplicantWhoEditsAndResubmits() {
		UUID id = start(chain());
		approve(id, "fac001");
		returnTo(id, "cou001", "start");
		assertThat(fx.status(id)).isEqualTo("RETURNED");
		assertThat(fx.open(id)).isEmpty();
		String path = "/api/v1/workflow/instances/" + id + "/resubmission";
		assertProblem(as("grad001").postJson(path, "{}"), 404, "resource.not-found");
		Response resubmitted = as("stu001").postJson(path,
				"{\"formData\": {\"amount\": 1500, \"category\": \"books\"}, \"comment\": \"已补充\"}");
		assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
		assertThat(resubmitted.json().get("status").asString()).isEqualTo("RUNNING");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		assertThat(instances.find(id).orElseThrow().formData()).containsEntry("category", "books");
		assertProblem(as("stu001").postJson(path, "{}"), 409, "workflow.not-returned");
		assertThat(fx.actions(id)).containsSubsequence("SUBMITTED", "APPROVED", "RETURNED", "RESUBMITTED");
	}

	@Test
	void aReturnedApplicationCanStillBeWithdrawn() {
		UUID id = start(chain());
		approve(id, "fac001");
		returnTo(id, "cou001", "start");
		Response withdrawn = as("stu001").postJson("/api/v1/workflow/instances/" + id + "/withdrawal", "{}");
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void twoConcurrentReturnsOfOneTaskApplyOnce() throws Exception {
		UUID id = start(chain());
		approve(id, "fac001");
		String task = taskOf(id, "cou001");
		ApiClient first = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		ApiClient second = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		first.get("/api/v1/csrf");
		second.get("/api/v1/csrf");
		CountDownLatch go = new CountDownLatch(1);
		String body = "{\"targetNodeId\": \"a\"}";
		CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> after(go, first, task, body));
		CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> after(go, second, task, body));
		go.countDown();
		List<Response> responses = List.of(a.get(), b.get());
		assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
		assertProblem(responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow(), 409,
				"workflow.task-closed");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		assertThat(fx.actions(id).stream().filter("RETURNED"::equals)).hasSize(1);
	}

	@Test
	void aReturnBeforeTheForkRacingAnApprovalInTheSiblingBranchNeitherDeadlocksNorLosesTheReturn() throws Exception {
		for (int round = 0; round < 3; round++) {
			UUID id = start(parallel());
			approve(id, "intl001");
			approve(id, "fac001");
			String x2 = taskOf(id, "it001");
			String y = taskOf(id, "cou001");
			CountDownLatch go = new CountDownLatch(1);
			CompletableFuture<Response> back = CompletableFuture.supplyAsync(() -> {
				await(go);
				return post("it001", x2, "return", "{\"targetNodeId\": \"pre\"}");
			});
			CompletableFuture<Response> approval = CompletableFuture.supplyAsync(() -> {
				await(go);
				return post("cou001", y, "approval", "{}");
			});
			go.countDown();
			assertThat(back.get().status()).as(back.get().body()).isEqualTo(200);
			assertThat(approval.get().status()).as(approval.get().body()).isIn(200, 409);
			assertThat(fx.open(id)).containsExactly("intl001@pre");
		}
	}

	private static void await(CountDownLatch go) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Response after(CountDownLatch go, ApiClient client, String task, String body) {
		await(go);
		return client.postJson("/api/v1/workflow/tasks/" + task + "/return", body);
	}

	// ---- take-back (拿回)

	@Test
	void takeBackInAChainUntilTheNextApproverActs() {
		UUID id = start(chain());
		approve(id, "fac001");
		Response taken = takeBack(id, "fac001");
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("fac001@a");
		assertProblem(takeBack(id, "fac001"), 409, "workflow.take-back-too-late");
		approve(id, "fac001");
		approve(id, "cou001");
		assertProblem(takeBack(id, "fac001"), 409, "workflow.take-back-too-late");
		assertProblem(post("grad001", lastTaskOf(id, "fac001"), "take-back", "{}"), 404, "resource.not-found");
		assertProblem(takeBack(id, "head001"), 409, "workflow.take-back-too-late");
	}

	@Test
	void takeBackBeforeAForkWithdrawsBothBranchesAndInsideABranchOnlyItsOwn() {
		UUID id = start(parallel());
		approve(id, "intl001");
		assertThat(takeBack(id, "intl001").status()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("intl001@pre");
		approve(id, "intl001");
		approve(id, "fac001");
		assertThat(takeBack(id, "fac001").status()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
	}

	@Test
	void takeBackIsRefusedWhenTheApprovalLetTheJoinContinue() {
		UUID id = start(parallel());
		approve(id, "intl001");
		approve(id, "cou001");
		approve(id, "fac001");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("head001@last");
		assertProblem(takeBack(id, "it001"), 409, "workflow.take-back-too-late");
	}

	@Test
	void takeBackOnACountersignNodeReopensOnlyTheOwnShare() {
		UUID id = start(multi("ALL"));
		approve(id, "it001");
		approve(id, "fac001");
		assertThat(takeBack(id, "fac001").status()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("cou001@m", "fac001@m", "head001@m");
		approve(id, "cou001");
		approve(id, "head001");
		assertThat(fx.open(id)).containsExactly("fac001@m");
		assertThat(jdbc.sql("select count(*) from act_ru_job where handler_type_ = 'parallel-multi-instance-complete'")
			.query(Long.class).single()).as("approvals count in their own transaction, no job races the next one")
			.isZero();
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("intl001@n");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ANY", "RATIO", "SEQUENTIAL" })
	void takeBackWithinOtherMultiPersonNodes(String mode) {
		UUID id = start(multi(mode));
		approve(id, "it001");
		String first = "SEQUENTIAL".equals(mode) ? "fac001" : "cou001";
		approve(id, first);
		if ("ANY".equals(mode)) {
			assertThat(fx.open(id)).containsExactly("intl001@n");
			assertThat(takeBack(id, first).status()).isEqualTo(200);
			assertThat(fx.open(id)).containsExactly("cou001@m", "fac001@m", "head001@m");
		}
		else {
			// the node still waits for others; re-opening one share would change the ratio or the order
			assertProblem(takeBack(id, first), 409, "workflow.take-back-too-late");
		}
	}

	@Test
	void takeBackInsideParallelBranchesNestedInACondition() {
		UUID id = start(nested());
		approve(id, "intl001");
		approve(id, "fac001");
		// fac's approval only reached the join: nothing opened that could be withdrawn
		assertProblem(takeBack(id, "fac001"), 409, "workflow.take-back-too-late");
		approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("it001@final");
		assertProblem(takeBack(id, "cou001"), 409, "workflow.take-back-too-late");
	}

	// ---- add / remove signers (加签 / 减签)

	@Test
	void aSignerAddedBeforeApprovesFirstThenTheTaskComesBack() {
		UUID id = start(chain());
		assertThat(addSigner(id, "fac001", it, "BEFORE").status()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("it001@a");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		assertThat(fx.actions(id)).containsSubsequence("SIGNER_ADDED", "APPROVED", "APPROVED");
	}

	@Test
	void signersAddedAfterApproveOneAfterTheOtherAndOneCanBeRemoved() {
		UUID id = start(chain());
		assertThat(addSigner(id, "fac001", it, "AFTER").status()).isEqualTo(200);
		assertThat(addSigner(id, "fac001", head, "AFTER").status()).isEqualTo(200);
		assertProblem(addSigner(id, "fac001", head, "AFTER"), 409, "workflow.signer-exists");
		assertThat(delete("fac001", "/api/v1/workflow/tasks/" + taskOf(id, "fac001") + "/signers/" + head).status())
			.isEqualTo(204);
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("it001@a");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ALL", "ANY", "RATIO" })
	void aParallelSignerJoinsAMultiPersonNode(String mode) {
		UUID id = start(multi(mode));
		approve(id, "it001");
		assertThat(addSigner(id, "fac001", it, "PARALLEL").status()).isEqualTo(200);
		assertThat(fx.open(id)).containsExactly("cou001@m", "fac001@m", "head001@m", "it001@m");
		assertProblem(addSigner(id, "fac001", it, "PARALLEL"), 409, "workflow.signer-exists");
		approve(id, "it001");
		if ("ANY".equals(mode)) {
			assertThat(fx.open(id)).containsExactly("intl001@n");
			return;
		}
		approve(id, "fac001");
		approve(id, "cou001");
		if ("RATIO".equals(mode)) {
			// 3 of 4 ≥ 60 %
			assertThat(fx.open(id)).containsExactly("intl001@n");
			return;
		}
		assertThat(fx.open(id)).containsExactly("head001@m");
		approve(id, "head001");
		assertThat(fx.open(id)).containsExactly("intl001@n");
	}

	@Test
	void aSequentialNodeTakesSignersBeforeOrAfterButNotInParallel() {
		UUID id = start(multi("SEQUENTIAL"));
		approve(id, "it001");
		assertProblem(addSigner(id, "fac001", it, "PARALLEL"), 422, "request.validation");
		assertThat(addSigner(id, "fac001", intl, "AFTER").status()).isEqualTo(200);
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("intl001@m");
		approve(id, "intl001");
		assertThat(fx.open(id)).containsExactly("cou001@m");
	}

	/**
	 * A one-person node runs as a plain engine task; a parallel signer turns it into a multi-person node
	 * (all must approve) with both persons. The actor's task is replaced (the answer names the new one),
	 * the persons they added after themselves stay, and the old task is closed without an approval.
	 */
	@Test
	void aParallelSignerTurnsAOnePersonNodeIntoAMultiPersonNode() {
		UUID id = start(chain());
		String before = taskOf(id, "fac001");
		assertThat(addSigner(id, "fac001", head, "AFTER").status()).isEqualTo(200);
		Response added = addSigner(id, "fac001", it, "PARALLEL");
		assertThat(added.status()).isEqualTo(200);
		String now = added.json().get("taskId").asString();
		assertThat(now).isNotEqualTo(before).isEqualTo(taskOf(id, "fac001"));
		assertThat(fx.open(id)).containsExactly("fac001@a", "it001@a");
		assertThat(jdbc.sql("select status || '/' || outcome from workflow_task where id = :id").param("id", before)
			.query(String.class).single()).isEqualTo("CANCELLED/NOT_NEEDED");
		assertProblem(post("fac001", before, "approval", "{\"comment\": \"同意\"}"), 409, "workflow.task-closed");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		approve(id, "fac001");
		// the signer fac001 added after themselves comes next, still at the node
		assertThat(fx.open(id)).containsExactly("head001@a");
		approve(id, "head001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		assertThat(fx.actions(id)).containsSubsequence("SIGNER_ADDED", "SIGNER_ADDED", "APPROVED", "APPROVED", "APPROVED");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ALL", "RATIO" })
	void aPendingSignerOfAMultiPersonNodeIsRemovedButNotOneWhoActed(String mode) {
		UUID id = start(multi(mode));
		approve(id, "it001");
		approve(id, "cou001");
		String facTask = taskOf(id, "fac001");
		assertProblem(delete("fac001", "/api/v1/workflow/tasks/" + facTask + "/signers/" + cou), 409,
				"workflow.signer-acted");
		assertProblem(delete("fac001", "/api/v1/workflow/tasks/" + facTask + "/signers/" + fac), 422, "request.validation");
		assertProblem(delete("fac001", "/api/v1/workflow/tasks/" + facTask + "/signers/" + intl), 404,
				"resource.not-found");
		assertThat(delete("fac001", "/api/v1/workflow/tasks/" + facTask + "/signers/" + head).status()).isEqualTo(204);
		assertThat(fx.open(id)).containsExactly("fac001@m");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("intl001@n");
	}

	@Test
	void signersInAParallelBranchAndInBranchesNestedInACondition() {
		for (String key : List.of(parallel(), nested())) {
			UUID id = start(key);
			approve(id, "intl001");
			String before = taskOf(id, "fac001");
			Response added = addSigner(id, "fac001", it, "PARALLEL");
			assertThat(added.status()).isEqualTo(200);
			assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x", "it001@x");
			// x had one approver: it became a multi-person node, and fac001's task was replaced
			assertThat(added.json().get("taskId").asString()).isEqualTo(taskOf(id, "fac001")).isNotEqualTo(before);
			assertThat(delete("fac001", "/api/v1/workflow/tasks/" + taskOf(id, "fac001") + "/signers/" + it).status())
				.isEqualTo(204);
			assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
			approve(id, "fac001");
			approve(id, "cou001");
			assertThat(fx.open(id)).hasSize(1).noneMatch(t -> t.endsWith("@x") || t.endsWith("@y"));
		}
	}

	// ---- transfer, delegation, urge, batch approval

	@Test
	void aTransferredTaskLeavesTheOriginalAssignee() {
		UUID id = start(chain());
		String task = taskOf(id, "fac001");
		String body = "{\"personId\": \"" + it + "\", \"comment\": \"请代为处理\"}";
		assertThat(post("fac001", task, "transfer", body).status()).isEqualTo(204);
		assertProblem(post("fac001", task, "transfer", body), 409, "workflow.task-closed");
		assertThat(fx.open(id)).containsExactly("it001@a");
		assertThat(as("fac001").get("/api/v1/workflow/tasks?scope=todo&size=100").body()).doesNotContain(task);
		assertThat(as("it001").get("/api/v1/workflow/tasks?scope=todo&size=100").body()).contains(task);
		assertProblem(post("fac001", task, "approval", "{}"), 404, "resource.not-found");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
	}

	@Test
	void aDelegateActsThenTheOwnerCompletesOrTheOwnerTakesItBackFirst() {
		UUID id = start(chain());
		String task = taskOf(id, "fac001");
		assertThat(post("fac001", task, "delegation", "{\"personId\": \"" + it + "\"}").status()).isEqualTo(204);
		assertProblem(post("it001", task, "transfer", "{\"personId\": \"" + head + "\"}"), 409, "workflow.task-delegated");
		approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		assertThat(post("fac001", task, "delegation", "{\"username\": \"head001\"}").status()).isEqualTo(204);
		assertProblem(delete("it001", "/api/v1/workflow/tasks/" + task + "/delegation"), 404, "resource.not-found");
		assertThat(delete("fac001", "/api/v1/workflow/tasks/" + task + "/delegation").status()).isEqualTo(204);
		assertThat(fx.open(id)).containsExactly("fac001@a");
		assertProblem(post("head001", task, "approval", "{}"), 404, "resource.not-found");
		approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		assertThat(fx.actions(id)).containsSubsequence("DELEGATED", "APPROVED", "DELEGATED", "DELEGATION_RECALLED",
				"APPROVED");
	}

	@Test
	void theApplicantUrgesOnceInHalfAnHour() {
		UUID id = start(chain());
		String task = taskOf(id, "fac001");
		assertThat(post("stu001", task, "urge", "{\"comment\": \"比较急\"}").status()).isEqualTo(204);
		Response again = post("stu001", task, "urge", "{}");
		assertProblem(again, 429, "workflow.urge-too-often");
		assertProblem(post("grad001", task, "urge", "{}"), 404, "resource.not-found");
		assertProblem(post("fac001", task, "urge", "{}"), 404, "resource.not-found");
		assertThat(fx.actions(id).stream().filter("URGED"::equals)).hasSize(1);
	}

	@Test
	void batchApprovalReportsEachItem() {
		String key = chain();
		UUID one = start(key);
		UUID two = start(key);
		UUID three = start(key);
		String done = taskOf(three, "fac001");
		approve(three, "fac001");
		String others = taskOf(one, "fac001").replace("-", "x");
		Response response = as("fac001").postJson("/api/v1/workflow/tasks/batch-approval",
				"{\"taskIds\": [\"%s\", \"%s\", \"%s\", \"%s\"], \"comment\": \"批量同意\"}"
					.formatted(taskOf(one, "fac001"), taskOf(two, "fac001"), done, others));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("approved").asInt()).isEqualTo(2);
		assertThat(result.get("items").valueStream().map(i -> i.get("status").asInt()).toList())
			.containsExactly(200, 200, 409, 404);
		assertThat(fx.open(one)).containsExactly("cou001@b");
		assertThat(fx.open(two)).containsExactly("cou001@b");
		assertProblem(as("fac001").postJson("/api/v1/workflow/tasks/batch-approval", "{\"taskIds\": []}"), 422,
				"request.validation");
	}

	@Test
	void othersSeeNoReturnTargetsAndCannotActOnTheTask() {
		UUID id = start(chain());
		String task = taskOf(id, "fac001");
		assertProblem(as("grad001").get("/api/v1/workflow/tasks/" + task + "/return-targets"), 404, "resource.not-found");
		assertProblem(post("grad001", task, "return", "{\"targetNodeId\": \"start\"}"), 404, "resource.not-found");
		assertProblem(post("grad001", task, "transfer", "{\"personId\": \"" + it + "\"}"), 404, "resource.not-found");
		assertProblem(post("grad001", task, "signers", "{\"personId\": \"" + it + "\", \"position\": \"AFTER\"}"), 404,
				"resource.not-found");
		assertProblem(post("fac001", task, "transfer", "{\"personId\": \"" + UUID.randomUUID() + "\"}"), 422,
				"request.validation");
		assertProblem(post("fac001", task, "transfer", "{\"username\": \"nobody-here\"}"), 422, "request.validation");
		assertProblem(post("fac001", task, "transfer", "{}"), 422, "request.validation");
	}
}

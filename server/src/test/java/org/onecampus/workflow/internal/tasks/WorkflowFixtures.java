package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.workflow.Processes.InstanceSummary;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;


import tools.jackson.databind.json.JsonMapper;

/** Publishes test processes under fresh keys and drives instances through the runtime. */
class WorkflowFixtures {

	private static final AtomicInteger counter = new AtomicInteger();

	private final ProcessDefinitions definitions;

	private final InstanceRuntime runtime;

	private final Instances instances;

	private final PersonDirectory directory;

	private final JsonMapper json = JsonMapper.builder().build();

	WorkflowFixtures(ProcessDefinitions definitions, InstanceRuntime runtime, Instances instances, PersonDirectory directory) {
		this.definitions = definitions;
		this.runtime = runtime;
		this.instances = instances;
		this.directory = directory;
	}

	UUID person(String username) {
		return directory.personIdByUsername(username).orElseThrow();
	}

	/** Publishes the simple model as a new process administered by {@code admin}; returns its key. */
	String publish(String model) {
		String key = "test-" + System.nanoTime() % 1_000_000_000L + "-" + counter.incrementAndGet();
		definitions.create(key, new ProcessDraft(Map.of("zh-CN", "测试流程"), null, null, null, List.of(person("admin")),
				null, json.readTree(model), null), person("admin"));
		definitions.publish(key, person("admin"));
		return key;
	}

	InstanceSummary start(String key, String applicant, Map<String, Object> data) {
		return runtime.start(key, person(applicant), data, null, null);
	}

	/** Open tasks of the instance as {@code username@node}, in creation order. */
	List<String> open(UUID instance) {
		return instances.openTasks(instance).stream().map(t -> username(t.assigneeId()) + "@" + t.nodeId()).sorted().toList();
	}

	/** Approves the open task of {@code username} in the instance. */
	InstanceSummary approve(UUID instance, String username) {
		TaskRecord task = instances.openTasks(instance).stream().filter(t -> t.assigneeId().equals(person(username)))
			.findFirst().orElseThrow(() -> new AssertionError(username + " has no open task in " + instance));
		return runtime.approve(task.id(), person(username), new InstanceRuntime.Decision("同意", null, null, null));
	}

	String status(UUID instance) {
		return instances.find(instance).orElseThrow().status();
	}

	List<String> actions(UUID instance) {
		return instances.actions(instance).stream().map(Instances.ActionRow::action).toList();
	}

	private String username(UUID person) {
		return directory.contact(person).map(PersonDirectory.Contact::username).orElse(person.toString());
	}
}

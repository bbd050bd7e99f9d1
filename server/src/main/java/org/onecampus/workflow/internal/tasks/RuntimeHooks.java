package org.onecampus.workflow.internal.tasks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonProfiles;
import org.onecampus.workflow.internal.conditions.ConditionEvaluator;
import org.onecampus.workflow.internal.engine.NodeHooks;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Answers the engine when an instance reaches a node: resolves the approvers and applies the
 * applicant-is-approver and empty-approver policies, evaluates branch conditions on the form data,
 * and records CC recipients. An empty approver set with the REJECT policy is remembered for this
 * thread and carried out by {@link InstanceRuntime} when the engine call returns.
 */
@Component
class RuntimeHooks implements NodeHooks {

	private static final ThreadLocal<Set<UUID>> rejections = ThreadLocal.withInitial(HashSet::new);

	/** The instance an engine call on this thread is made for, as its caller holds it (see {@link #during}). */
	private static final ThreadLocal<InstanceRecord> held = new ThreadLocal<>();

	private final Instances instances;

	private final ProcessVersions versions;

	private final ApproverRules rules;

	private final ConditionEvaluator conditions;

	private final PersonProfiles profiles;

	RuntimeHooks(Instances instances, ProcessVersions versions, ApproverRules rules, ConditionEvaluator conditions,
			PersonProfiles profiles) {
		this.instances = instances;
		this.versions = versions;
		this.rules = rules;
		this.conditions = conditions;
		this.profiles = profiles;
	}

	@Override
	public List<String> approvers(NodeContext node) {
		InstanceRecord instance = instance(node);
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		JsonNode config = version.config(node.nodeId());
		List<UUID> persons = rules.resolve(instance, node.nodeId(), config.path("assignee"));
		rules.applySelfPolicy(instance.applicantId(), persons, config.path("selfPolicy").asString("SKIP"));
		if (persons.isEmpty()) {
			String policy = config.path("emptyPolicy").asString("AUTO_APPROVE");
			if ("PROCESS_ADMIN".equals(policy) && !version.admins().isEmpty()) {
				persons.addAll(version.admins());
				instances.action(instance.id(), null, node.nodeId(), "HANDED_TO_ADMIN", null, null, null, null,
						Map.of("admins", version.admins()));
			}
			else if ("REJECT".equals(policy)) {
				rejections.get().add(instance.id());
				instances.action(instance.id(), null, node.nodeId(), "NO_APPROVER_REJECTED", null, null, null, null, Map.of());
			}
			else {
				instances.action(instance.id(), null, node.nodeId(), "NO_APPROVER_SKIPPED", null, null, null, null, Map.of());
			}
		}
		return persons.stream().map(UUID::toString).toList();
	}

	@Override
	public boolean condition(NodeContext flow) {
		InstanceRecord instance = instance(flow);
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		String expression = version.nodes().path(flow.nodeId()).path("config").path("condition").asString(null);
		if (expression == null) {
			return false;
		}
		Map<String, Object> variables = new HashMap<>(instance.formData());
		variables.put("applicant", applicant(instance.applicantId()));
		return conditions.test(expression, variables);
	}

	@Override
	public void carbonCopy(NodeContext node) {
		InstanceRecord instance = instance(node);
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		List<UUID> persons = rules.resolve(instance, node.nodeId(), version.config(node.nodeId()).path("assignee"));
		instances.carbonCopy(instance.id(), node.nodeId(), persons);
		instances.action(instance.id(), null, node.nodeId(), "CC", null, null, null, null,
				Map.of("recipients", persons.stream().map(UUID::toString).toList()));
	}

	/** Takes the instances whose empty approver policy asked for a rejection during this thread's engine call. */
	static Set<UUID> takeRejections() {
		Set<UUID> taken = Set.copyOf(rejections.get());
		rejections.remove();
		return taken;
	}

	/**
	 * Runs an engine call for an instance whose row the caller holds locked, with the data it has just
	 * written: the hooks the engine calls meanwhile take that record instead of reading the row again (they
	 * write trail and CC rows, never the instance row). Other instances are read as usual.
	 */
	static void during(InstanceRecord instance, Runnable engineCall) {
		InstanceRecord outer = held.get();
		held.set(instance);
		try {
			engineCall.run();
		}
		finally {
			if (outer == null) {
				held.remove();
			}
			else {
				held.set(outer);
			}
		}
	}

	private InstanceRecord instance(NodeContext node) {
		UUID id = UUID.fromString(node.instanceId());
		InstanceRecord known = held.get();
		return known != null && known.id().equals(id) ? known : instances.find(id).orElseThrow();
	}

	/** What conditions may ask of the applicant: {@code applicant.affiliationType == 'UNDERGRADUATE'}. */
	private Map<String, Object> applicant(UUID applicantId) {
		Map<String, Object> applicant = new HashMap<>();
		applicant.put("id", applicantId.toString());
		profiles.profile(applicantId).ifPresent(profile -> {
			applicant.put("affiliationType", profile.affiliationType());
			applicant.put("unit", profile.unitId() == null ? null : profile.unitId().toString());
			applicant.put("unitName", profile.unit());
			applicant.put("college", profile.college());
		});
		return applicant;
	}
}

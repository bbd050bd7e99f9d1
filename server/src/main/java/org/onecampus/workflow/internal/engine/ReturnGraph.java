package org.onecampus.workflow.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/**
 * Where each node of a (block-structured) process sits relative to its parallel gateways, and which
 * nodes lie upstream of which. A node's <em>context</em> is the list of parallel branches enclosing it,
 * outermost first ({@code forkId#flowId}); a join closes the innermost branch. A node A may be
 * returned to from a node C when A is upstream of C and A's context is a prefix of C's (same branch,
 * or before the fork). Moving the instance back to A takes along every waiting point whose context
 * starts with A's: the other branches of a fork A precedes are cancelled, branches A is not part of are
 * left alone.
 */
final class ReturnGraph {

	private final Process process;

	private final Map<String, List<String>> contexts = new HashMap<>();

	ReturnGraph(Process process) {
		this.process = process;
		record Visit(FlowNode node, List<String> context) {
		}
		Deque<Visit> queue = new ArrayDeque<>();
		process.findFlowElementsOfType(StartEvent.class, false).forEach(s -> queue.add(new Visit(s, List.of())));
		while (!queue.isEmpty()) {
			Visit visit = queue.poll();
			FlowNode node = visit.node();
			if (contexts.containsKey(node.getId())) {
				continue;
			}
			List<String> here = visit.context();
			boolean parallel = node instanceof ParallelGateway || node instanceof InclusiveGateway;
			if (parallel && node.getIncomingFlows().size() > 1 && !here.isEmpty()) {
				here = here.subList(0, here.size() - 1);
			}
			contexts.put(node.getId(), here);
			boolean fork = parallel && node.getOutgoingFlows().size() > 1;
			for (SequenceFlow flow : node.getOutgoingFlows()) {
				if (process.getFlowElement(flow.getTargetRef()) instanceof FlowNode next) {
					List<String> context = here;
					if (fork) {
						context = new ArrayList<>(here);
						context.add(node.getId() + "#" + flow.getId());
					}
					queue.add(new Visit(next, List.copyOf(context)));
				}
			}
		}
	}

	/** The start event's id. */
	String startId() {
		return process.findFlowElementsOfType(StartEvent.class, false).get(0).getId();
	}

	/** Whether the node is a user task of the process. */
	boolean isTask(String nodeId) {
		return process.getFlowElement(nodeId) instanceof UserTask;
	}

	/** User tasks the instance may go back to from {@code current}, given the tasks it has finished. */
	List<String> targets(String current, Collection<String> finished) {
		Set<String> upstream = upstream(current);
		List<String> targets = new ArrayList<>();
		for (String node : new LinkedHashSet<>(finished)) {
			if (!node.equals(current) && isTask(node) && upstream.contains(node) && within(node, current)) {
				targets.add(node);
			}
		}
		return targets;
	}

	/** Whether {@code inner} lies in the same branch as {@code outer} or deeper (outer's context is a prefix). */
	boolean within(String outer, String inner) {
		List<String> a = contexts.get(outer);
		List<String> b = contexts.get(inner);
		return a != null && b != null && b.size() >= a.size() && b.subList(0, a.size()).equals(a);
	}

	/** Of the places where the instance waits, those a move back to {@code target} takes along. */
	List<String> movedBy(String target, Collection<String> waiting) {
		return waiting.stream().distinct().filter(w -> !w.equals(target) && isMovable(w) && within(target, w)).toList();
	}

	private boolean isMovable(String nodeId) {
		FlowElement element = process.getFlowElement(nodeId);
		return element instanceof UserTask || element instanceof Gateway;
	}

	/** Nodes from which {@code nodeId} can be reached. */
	Set<String> upstream(String nodeId) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(nodeId));
		while (!queue.isEmpty()) {
			if (process.getFlowElement(queue.poll()) instanceof FlowNode node) {
				for (SequenceFlow flow : node.getIncomingFlows()) {
					if (seen.add(flow.getSourceRef())) {
						queue.add(flow.getSourceRef());
					}
				}
			}
		}
		return seen;
	}
}

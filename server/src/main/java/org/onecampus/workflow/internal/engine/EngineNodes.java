package org.onecampus.workflow.internal.engine;

import java.util.List;

/**
 * Names of the engine's extra elements around an approver node {@code X} (see
 * {@link BpmnPreparation#forEngine}) and the way back from the engine's activity ids to node ids.
 */
final class EngineNodes {

	/** The multi-instance twin of a node: {@code X__multi}. */
	static final String MULTI = "__multi";

	/** The gateway that picks the plain task or its multi-instance twin. */
	static final String ROUTE = "__route";

	/** The gateway where both meet again. */
	static final String MERGE = "__merge";

	/** The parallel gateway after the merge when the node had several outgoing flows. */
	static final String FORK = "__fork";

	static final List<String> SUFFIXES = List.of(MULTI, ROUTE, MERGE, FORK);

	private EngineNodes() {
	}

	static String multi(String nodeId) {
		return nodeId + MULTI;
	}

	/** The node an engine activity id belongs to: {@code X} for {@code X} and {@code X__multi}. */
	static String node(String activityId) {
		return activityId != null && activityId.endsWith(MULTI)
				? activityId.substring(0, activityId.length() - MULTI.length()) : activityId;
	}

	/** Whether the id is one of the engine's extra elements (or their flows) or could be mistaken for one. */
	static boolean isReserved(String id) {
		return id != null && SUFFIXES.stream().anyMatch(id::contains);
	}

	/** Whether the activity is a routing gateway no node corresponds to. */
	static boolean isPlumbing(String activityId) {
		return activityId != null && (activityId.endsWith(ROUTE) || activityId.endsWith(MERGE) || activityId.endsWith(FORK));
	}
}

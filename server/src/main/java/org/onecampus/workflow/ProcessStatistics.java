package org.onecampus.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures about finished work for other modules' statistics (the service hall's dashboard): how long each node of a
 * process takes, and working-time arithmetic on the default business calendar (promised processing times).
 */
public interface ProcessStatistics {

	/**
	 * Durations of the finished tasks (created to done, one per person on multi-person nodes) of the instances of a
	 * process started in {@code [from, to)}, per process version and node, in the order the nodes are reached.
	 * @return never null; empty for an unknown process
	 */
	List<NodeDuration> nodeDurations(String processKey, Instant from, Instant to);

	/**
	 * @return the instant {@code days} working days after {@code from} on the default business calendar (holidays,
	 * 调休 and weekends observed)
	 */
	Instant addWorkingDays(Instant from, int days);

	/**
	 * @param nodeName {@code {"zh-CN": …, "en-US": …}}
	 * @param averageSeconds mean duration; {@code p90Seconds} the 90th percentile (continuous)
	 */
	record NodeDuration(int version, String nodeId, Map<String, String> nodeName, long count, double averageSeconds,
			double p90Seconds) {
	}
}

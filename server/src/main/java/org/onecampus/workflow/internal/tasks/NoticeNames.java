package org.onecampus.workflow.internal.tasks;

import java.util.Map;

/** Names of processes and nodes for notices, which messaging renders in each recipient's language. */
final class NoticeNames {

	private NoticeNames() {
	}

	/**
	 * @param names a name by language tag (may lack either language)
	 * @param fallback what to call it when it has no name at all (its key or id)
	 * @return {@code zh-CN} and {@code en-US}, each falling back on the other, then on {@code fallback}
	 */
	static Map<String, String> both(Map<String, String> names, String fallback) {
		String zh = names == null ? null : blankToNull(names.get("zh-CN"));
		String en = names == null ? null : blankToNull(names.get("en-US"));
		return Map.of("zh-CN", zh != null ? zh : en != null ? en : fallback, "en-US", en != null ? en : zh != null ? zh : fallback);
	}

	/**
	 * {@code task} and {@code taskEn} of a notice naming a task: "process · node" in each language.
	 * @param process the process's names, as {@link #both} gives them
	 */
	static Map<String, String> task(Map<String, String> process, Map<String, String> nodeName, String nodeId) {
		Map<String, String> node = both(nodeName, nodeId);
		return Map.of("task", process.get("zh-CN") + " · " + node.get("zh-CN"), "taskEn",
				process.get("en-US") + " · " + node.get("en-US"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}

package org.onecampus.workflow.internal.processes;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.onecampus.kernel.error.PlatformException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

/**
 * Node-level comparison of two published versions of a process: nodes added, removed, changed (type,
 * name or configuration keys) and moved (the nodes right before them differ). Works on the deployed
 * BPMN, so both designers' processes compare the same way.
 */
@Service
public class VersionDiffs {

	private final ProcessVersions versions;

	VersionDiffs(ProcessVersions versions) {
		this.versions = versions;
	}

	/** A node as the comparison reports it; {@code changes} lists what differs (type, name, config keys). */
	public record NodeChange(String nodeId, String type, Map<String, String> name, List<String> changes,
			List<String> previousBefore, List<String> before) {
	}

	public record VersionDiff(String processKey, int fromVersion, int toVersion, List<NodeChange> added,
			List<NodeChange> removed, List<NodeChange> changed, List<NodeChange> moved, boolean formChanged) {
	}

	public VersionDiff diff(String key, int from, int to) {
		ProcessVersion a = version(key, from);
		ProcessVersion b = version(key, to);
		Map<String, Set<String>> beforeA = predecessors(a);
		Map<String, Set<String>> beforeB = predecessors(b);
		List<NodeChange> added = new ArrayList<>();
		List<NodeChange> removed = new ArrayList<>();
		List<NodeChange> changed = new ArrayList<>();
		List<NodeChange> moved = new ArrayList<>();
		for (String id : ids(b)) {
			if (a.nodes().path(id).isMissingNode()) {
				added.add(change(b, id, List.of(), null, beforeB.get(id)));
			}
		}
		for (String id : ids(a)) {
			if (b.nodes().path(id).isMissingNode()) {
				removed.add(change(a, id, List.of(), beforeA.get(id), null));
				continue;
			}
			List<String> changes = changes(a.nodes().path(id), b.nodes().path(id));
			if (!changes.isEmpty()) {
				changed.add(change(b, id, changes, null, null));
			}
			Set<String> was = beforeA.getOrDefault(id, Set.of());
			Set<String> is = beforeB.getOrDefault(id, Set.of());
			if (!"CONDITION".equals(b.nodeType(id)) && !was.equals(is)) {
				moved.add(change(b, id, List.of(), was, is));
			}
		}
		boolean formChanged = !java.util.Objects.equals(a.formKey(), b.formKey())
				|| !java.util.Objects.equals(a.formVersion(), b.formVersion());
		return new VersionDiff(key, from, to, added, removed, changed, moved, formChanged);
	}

	private ProcessVersion version(String key, int n) {
		return versions.find(key, n).orElseThrow(() -> PlatformException.notFound("process version", key + "/" + n));
	}

	private static List<String> ids(ProcessVersion version) {
		List<String> ids = new ArrayList<>();
		version.nodes().properties().forEach(e -> ids.add(e.getKey()));
		return ids;
	}

	private static NodeChange change(ProcessVersion version, String id, List<String> changes, Set<String> previousBefore,
			Set<String> before) {
		return new NodeChange(id, version.nodeType(id), version.nodeName(id), changes,
				previousBefore == null ? null : List.copyOf(new TreeSet<>(previousBefore)),
				before == null ? null : List.copyOf(new TreeSet<>(before)));
	}

	/** What differs between one node's two entries: {@code type}, {@code name}, then each changed config key. */
	static List<String> changes(JsonNode was, JsonNode is) {
		List<String> changes = new ArrayList<>();
		if (!was.path("type").equals(is.path("type"))) {
			changes.add("type");
		}
		if (!was.path("name").equals(is.path("name")) || !was.path("config").path("name").equals(is.path("config").path("name"))) {
			changes.add("name");
		}
		Set<String> keys = new TreeSet<>();
		was.path("config").properties().forEach(e -> keys.add(e.getKey()));
		is.path("config").properties().forEach(e -> keys.add(e.getKey()));
		keys.remove("name");
		for (String k : keys) {
			if (!was.path("config").path(k).equals(is.path("config").path(k))) {
				changes.add("config." + k);
			}
		}
		return changes;
	}

	/**
	 * For each node: the nodes (user tasks, CC steps or the start event) the process passes right
	 * before it, looking back through gateways.
	 */
	static Map<String, Set<String>> predecessors(ProcessVersion version) {
		Set<String> nodes = new HashSet<>(ids(version));
		Map<String, List<String>> incoming = new HashMap<>();
		Set<String> starts = new HashSet<>();
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(version.bpmnXml())));
			NodeList flows = doc.getElementsByTagNameNS("*", "sequenceFlow");
			for (int i = 0; i < flows.getLength(); i++) {
				Element flow = (Element) flows.item(i);
				incoming.computeIfAbsent(flow.getAttribute("targetRef"), t -> new ArrayList<>()).add(flow.getAttribute("sourceRef"));
			}
			NodeList startEvents = doc.getElementsByTagNameNS("*", "startEvent");
			for (int i = 0; i < startEvents.getLength(); i++) {
				starts.add(((Element) startEvents.item(i)).getAttribute("id"));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("the deployed BPMN of " + version.processKey() + " v" + version.version()
					+ " cannot be read", ex);
		}
		Map<String, Set<String>> result = new HashMap<>();
		for (String node : nodes) {
			Set<String> found = new TreeSet<>();
			Set<String> seen = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(incoming.getOrDefault(node, List.of()));
			while (!todo.isEmpty()) {
				String source = todo.pop();
				if (!seen.add(source)) {
					continue;
				}
				if ((nodes.contains(source) && !"CONDITION".equals(version.nodeType(source))) || starts.contains(source)) {
					found.add(starts.contains(source) ? "start" : source);
				}
				else {
					todo.addAll(incoming.getOrDefault(source, List.of()));
				}
			}
			result.put(node, found);
		}
		return result;
	}
}

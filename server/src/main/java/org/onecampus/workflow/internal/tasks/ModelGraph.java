package org.onecampus.workflow.internal.tasks;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.kernel.error.PlatformException;

/**
 * The flow graph of a BPMN model as the routing simulator walks it: events, user tasks (approver and
 * handler nodes), CC steps, gateways and sequence flows with their {@code onecampus:condition}. Read
 * with StAX (no engine involved), external entities off.
 */
record ModelGraph(Map<String, Element> elements, List<Flow> flows) {

	static final String NAMESPACE = "https://onecampus.org/schema/bpmn";

	/**
	 * @param kind START, END, TASK (approver or handler), CC, EXCLUSIVE, PARALLEL, INCLUSIVE or OTHER
	 * @param type for TASK and CC: APPROVER, HANDLER or CC
	 * @param config the {@code onecampus:config} JSON text, null when missing
	 * @param defaultFlow the gateway's default flow id, may be null
	 */
	record Element(String id, String kind, String type, String name, String config, String defaultFlow) {

		boolean node() {
			return "TASK".equals(kind) || "CC".equals(kind);
		}
	}

	/** @param condition the {@code onecampus:condition}, null when absent */
	record Flow(String id, String source, String target, String condition) {
	}

	static ModelGraph parse(String xml) {
		Map<String, Element> elements = new LinkedHashMap<>();
		List<Flow> flows = new ArrayList<>();
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
			int depth = 0;
			int processDepth = -1;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				depth++;
				String tag = reader.getLocalName();
				if ("process".equals(tag)) {
					processDepth = depth;
					continue;
				}
				if (processDepth < 0 || depth != processDepth + 1) {
					continue;
				}
				String id = reader.getAttributeValue(null, "id");
				String name = reader.getAttributeValue(null, "name");
				String config = reader.getAttributeValue(NAMESPACE, "config");
				String type = reader.getAttributeValue(NAMESPACE, "type");
				switch (tag) {
					case "sequenceFlow" -> flows.add(new Flow(id, reader.getAttributeValue(null, "sourceRef"),
							reader.getAttributeValue(null, "targetRef"), blankToNull(reader.getAttributeValue(NAMESPACE, "condition"))));
					case "startEvent" -> elements.put(id, new Element(id, "START", null, name, null, null));
					case "endEvent" -> elements.put(id, new Element(id, "END", null, name, null, null));
					case "userTask" -> elements.put(id, new Element(id, "TASK", "HANDLER".equals(type) ? "HANDLER" : "APPROVER",
							name, config, null));
					case "serviceTask" -> elements.put(id, "CC".equals(type) ? new Element(id, "CC", "CC", name, config, null)
							: new Element(id, "OTHER", null, name, null, null));
					case "exclusiveGateway" -> elements.put(id, new Element(id, "EXCLUSIVE", null, name, null,
							reader.getAttributeValue(null, "default")));
					case "parallelGateway" -> elements.put(id, new Element(id, "PARALLEL", null, name, null, null));
					case "inclusiveGateway" -> elements.put(id, new Element(id, "INCLUSIVE", null, name, null,
							reader.getAttributeValue(null, "default")));
					default -> {
						if (id != null && !tag.endsWith("Definition") && !"extensionElements".equals(tag)
								&& !"documentation".equals(tag) && !"laneSet".equals(tag)) {
							elements.put(id, new Element(id, "OTHER", null, name, null, null));
						}
					}
				}
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw PlatformException.invalid(List.of(new FieldProblem("bpmnXml", "workflow.model.bpmn-unreadable")));
		}
		return new ModelGraph(elements, flows);
	}

	List<Flow> outgoing(String id) {
		return flows.stream().filter(f -> id.equals(f.source())).toList();
	}

	List<String> starts() {
		return elements.values().stream().filter(e -> "START".equals(e.kind())).map(Element::id).toList();
	}

	/** @return the elements reachable from a start event along any flow */
	Set<String> reachable() {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(starts());
		while (!todo.isEmpty()) {
			String id = todo.pop();
			if (seen.add(id)) {
				outgoing(id).forEach(f -> todo.push(f.target()));
			}
		}
		return seen;
	}

	/** @return the elements that lie on a cycle (strongly connected with another element, or a self-loop) */
	Set<String> onCycles() {
		Map<String, List<String>> next = new HashMap<>();
		flows.forEach(f -> next.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f.target()));
		Set<String> cyclic = new HashSet<>();
		for (String id : elements.keySet()) {
			// id is on a cycle when it can reach itself
			Set<String> seen = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(next.getOrDefault(id, List.of()));
			while (!todo.isEmpty()) {
				String at = todo.pop();
				if (at.equals(id)) {
					cyclic.add(id);
					break;
				}
				if (seen.add(at)) {
					todo.addAll(next.getOrDefault(at, List.of()));
				}
			}
		}
		return cyclic;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}

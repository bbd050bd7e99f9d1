package org.onecampus.workflow.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;

/**
 * Turns BPMN from either designer into what the engine runs. Every user task becomes a
 * multi-instance task over the approvers {@link NodeHooks#approvers} resolves when the node is
 * reached (sequential for {@code SEQUENTIAL}, with a completion condition for {@code ANY} and
 * {@code RATIO}); every flow out of an exclusive gateway that has an {@code onecampus:condition}
 * gets a condition expression calling {@link NodeHooks#condition}; every service task marked
 * {@code onecampus:type="CC"} calls {@link NodeHooks#carbonCopy}. Whatever the designer wrote into
 * those engine attributes is replaced, so a BPMN upload cannot run arbitrary expressions.
 */
final class BpmnPreparation {

	static final String NAMESPACE = "https://onecampus.org/schema/bpmn";

	/** The Spring bean the prepared expressions call; see {@link EngineExpressions}. */
	static final String BEAN = "onecampusNodes";

	/** The multi-instance element variable holding each person's id on an approver node. */
	static final String ELEMENT_VARIABLE = "assignee";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

	private BpmnPreparation() {
	}

	static ModelOutline prepare(String xml) {
		List<ModelOutline.Problem> problems = new ArrayList<>();
		List<ModelOutline.Node> nodes = new ArrayList<>();
		Map<String, String> conditions = new LinkedHashMap<>();
		BpmnModel model;
		try {
			byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
			model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true, "UTF-8");
		}
		catch (RuntimeException ex) {
			problems.add(new ModelOutline.Problem(null, "bpmn-unreadable", rootMessage(ex)));
			return new ModelOutline(null, nodes, conditions, problems);
		}
		if (model.getProcesses().size() != 1) {
			problems.add(new ModelOutline.Problem(null, "bpmn-one-process", "exactly one process is needed"));
			return new ModelOutline(null, nodes, conditions, problems);
		}
		Map<String, String> flowConditions = flowConditions(xml);
		Process process = model.getMainProcess();
		process.setExecutable(true);
		for (FlowElement element : List.copyOf(process.getFlowElements())) {
			wire(process, element, flowConditions, nodes, conditions, problems);
		}
		for (ValidationError error : new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)) {
			if (!error.isWarning()) {
				problems.add(new ModelOutline.Problem(error.getActivityId(), "bpmn-invalid",
						error.getDefaultDescription() == null ? error.getProblem() : error.getDefaultDescription()));
			}
		}
		if (!problems.isEmpty()) {
			return new ModelOutline(null, nodes, conditions, problems);
		}
		model.addNamespace("onecampus", NAMESPACE);
		return new ModelOutline(new String(new BpmnXMLConverter().convertToXML(model), StandardCharsets.UTF_8), nodes,
				conditions, problems);
	}

	private static void wire(Process process, FlowElement element, Map<String, String> flowConditions,
			List<ModelOutline.Node> nodes,
			Map<String, String> conditions, List<ModelOutline.Problem> problems) {
		if (!SAFE_ID.matcher(element.getId() == null ? "" : element.getId()).matches()) {
			problems.add(new ModelOutline.Problem(element.getId(), "bpmn-id", "ids must match " + SAFE_ID.pattern()));
			return;
		}
		if (EngineNodes.isReserved(element.getId())) {
			problems.add(new ModelOutline.Problem(element.getId(), "bpmn-id",
					"ids must not contain " + String.join(", ", EngineNodes.SUFFIXES)));
			return;
		}
		if (element instanceof UserTask task) {
			String config = task.getAttributeValue(NAMESPACE, "config");
			String type = "HANDLER".equals(task.getAttributeValue(NAMESPACE, "type")) ? "HANDLER" : "APPROVER";
			nodes.add(new ModelOutline.Node(task.getId(), type, task.getName(), config));
			String multi = NodeConfigs.text(config, "multi", "ALL");
			task.setAssignee("${" + ELEMENT_VARIABLE + "}");
			task.setCandidateUsers(new ArrayList<>());
			task.setCandidateGroups(new ArrayList<>());
			task.setTaskListeners(new ArrayList<>());
			MultiInstanceLoopCharacteristics loop = new MultiInstanceLoopCharacteristics();
			loop.setInputDataItem("${" + BEAN + ".approvers(execution, '" + task.getId() + "')}");
			loop.setElementVariable(ELEMENT_VARIABLE);
			loop.setSequential("SEQUENTIAL".equals(multi));
			if ("ANY".equals(multi)) {
				loop.setCompletionCondition("${nrOfCompletedInstances >= 1}");
			}
			else if ("RATIO".equals(multi)) {
				double ratio = NodeConfigs.number(config, "ratio", 1.0);
				loop.setCompletionCondition("${nrOfCompletedInstances >= nrOfInstances * " + ratio + " - 0.000001}");
			}
			task.setLoopCharacteristics(loop);
		}
		else if (element instanceof ServiceTask step && "CC".equals(step.getAttributeValue(NAMESPACE, "type"))) {
			nodes.add(new ModelOutline.Node(step.getId(), "CC", step.getName(), step.getAttributeValue(NAMESPACE, "config")));
			step.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION);
			step.setImplementation("${" + BEAN + ".carbonCopy(execution, '" + step.getId() + "')}");
			step.setResultVariableName(null);
		}
		else if (element instanceof ServiceTask || element instanceof org.flowable.bpmn.model.ScriptTask) {
			problems.add(new ModelOutline.Problem(element.getId(), "bpmn-unsupported-task",
					"only user tasks and CC steps are supported"));
		}
		else if (element instanceof ExclusiveGateway gateway && gateway.getDefaultFlow() == null) {
			List<SequenceFlow> unconditional = gateway.getOutgoingFlows().stream()
				.filter(flow -> blank(flowConditions.get(flow.getId())))
				.toList();
			if (unconditional.size() == 1 && gateway.getOutgoingFlows().size() > 1) {
				gateway.setDefaultFlow(unconditional.get(0).getId());
			}
		}
		else if (element instanceof SequenceFlow flow) {
			FlowElement source = process.getFlowElement(flow.getSourceRef());
			String condition = flowConditions.get(flow.getId());
			if (source instanceof ExclusiveGateway && condition != null && !condition.isBlank()) {
				flow.setConditionExpression("${" + BEAN + ".condition(execution, '" + flow.getId() + "')}");
				conditions.put(flow.getId(), condition);
			}
			else {
				flow.setConditionExpression(null);
			}
		}
	}

	/**
	 * The BPMN the engine runs for a prepared model: every approver node {@code X} (a multi-instance user
	 * task in the prepared model) becomes two tasks between two exclusive gateways. {@code X__route} asks
	 * {@link NodeHooks#approvers} once when the instance arrives; with exactly one approver it goes to
	 * {@code X}, a plain user task assigned to that person, otherwise (several, or none) to {@code X__multi},
	 * the multi-instance task as prepared. Both take the node's one outgoing flow, or when that leads into
	 * a join (which counts its incoming flows) or the node has several, meet at {@code X__merge}, which takes
	 * them (through a parallel {@code X__fork} when there are several). Most nodes have one approver, and
	 * a plain user task costs the engine about a third fewer statements per approval than a multi-instance
	 * one with one person (its root and child executions, loop variables and their deletion): see
	 * docs/benchmarks.md, workflow session 5. Adding a parallel signer to a plain node moves it to
	 * {@code X__multi} ({@link FlowableTaskOperations#addSigner}). Everything outside this package sees only
	 * {@code X}: {@link EngineNodes} maps the engine's activity ids back, and return targets are computed
	 * on the prepared model, which is deployed alongside ({@link #LOGICAL_SUFFIX}).
	 * A node with boundary events is left as prepared.
	 */
	static String forEngine(String preparedXml) {
		BpmnModel model = read(preparedXml);
		Process process = model.getMainProcess();
		for (FlowElement element : List.copyOf(process.getFlowElements())) {
			if (element instanceof UserTask task && task.getLoopCharacteristics() != null
					&& task.getBoundaryEvents().isEmpty() && !EngineNodes.isReserved(task.getId())) {
				split(process, task);
			}
		}
		return new String(new BpmnXMLConverter().convertToXML(model), StandardCharsets.UTF_8);
	}

	/** Name suffix of the prepared model's resource in a deployment (not parsed by the engine). */
	static final String LOGICAL_SUFFIX = ".prepared.xml";

	private static void split(Process process, UserTask task) {
		String id = task.getId();
		UserTask multi = task.clone();
		multi.setId(EngineNodes.multi(id));
		multi.setIncomingFlows(new ArrayList<>());
		multi.setOutgoingFlows(new ArrayList<>());
		process.addFlowElement(multi);
		task.setLoopCharacteristics(null);
		task.setAssignee("${" + BEAN + ".approver(execution, '" + id + "')}");

		ExclusiveGateway route = new ExclusiveGateway();
		route.setId(id + EngineNodes.ROUTE);
		process.addFlowElement(route);
		// flows read from the process, not the task: flows added while splitting earlier nodes are not in its lists
		for (SequenceFlow incoming : flows(process, flow -> id.equals(flow.getTargetRef()))) {
			incoming.setTargetRef(route.getId());
		}
		SequenceFlow single = flow(process, id + EngineNodes.ROUTE + "_one", route.getId(), id);
		single.setConditionExpression("${" + BEAN + ".single(execution, '" + id + "')}");
		SequenceFlow many = flow(process, id + EngineNodes.ROUTE + "_many", route.getId(), multi.getId());
		route.setDefaultFlow(many.getId());

		List<SequenceFlow> outgoing = flows(process, flow -> id.equals(flow.getSourceRef()));
		if (outgoing.size() == 1 && !(process.getFlowElement(outgoing.get(0).getTargetRef()) instanceof Gateway target
				&& !(target instanceof ExclusiveGateway))) {
			// one way on, not into a join: the twin takes it too (a join would wait for one more incoming flow)
			flow(process, multi.getId() + "_out", multi.getId(), outgoing.get(0).getTargetRef());
			return;
		}
		ExclusiveGateway merge = new ExclusiveGateway();
		merge.setId(id + EngineNodes.MERGE);
		process.addFlowElement(merge);
		String from = merge.getId();
		if (outgoing.size() > 1) {
			ParallelGateway fork = new ParallelGateway();
			fork.setId(id + EngineNodes.FORK);
			process.addFlowElement(fork);
			flow(process, id + EngineNodes.MERGE + "_fork", merge.getId(), fork.getId());
			from = fork.getId();
		}
		for (SequenceFlow flow : outgoing) {
			flow.setSourceRef(from);
		}
		flow(process, id + EngineNodes.MERGE + "_one", id, merge.getId());
		flow(process, id + EngineNodes.MERGE + "_many", multi.getId(), merge.getId());
	}

	private static List<SequenceFlow> flows(Process process, Predicate<SequenceFlow> which) {
		return process.findFlowElementsOfType(SequenceFlow.class, false).stream().filter(which).toList();
	}

	private static SequenceFlow flow(Process process, String id, String source, String target) {
		SequenceFlow flow = new SequenceFlow(source, target);
		flow.setId(id);
		process.addFlowElement(flow);
		return flow;
	}

	/** Parses BPMN this class prepared (no schema validation, safe XML). */
	static BpmnModel read(String xml) {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), false, true, "UTF-8");
	}

	/**
	 * The {@code onecampus:condition} of each sequence flow, read from the XML itself: Flowable's
	 * converter does not keep unknown attributes on sequence flows.
	 */
	private static Map<String, String> flowConditions(String xml) {
		Map<String, String> conditions = new LinkedHashMap<>();
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && "sequenceFlow".equals(reader.getLocalName())) {
					String condition = reader.getAttributeValue(NAMESPACE, "condition");
					if (condition != null) {
						conditions.put(reader.getAttributeValue(null, "id"), condition);
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			// the converter reports unreadable XML
		}
		return conditions;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}
}

package org.onecampus.workflow.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
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

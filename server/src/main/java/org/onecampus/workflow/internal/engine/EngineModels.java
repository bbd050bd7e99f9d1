package org.onecampus.workflow.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.repository.ProcessDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two views of a deployed process: the engine's, where an approver node {@code X} may be a plain
 * task, its multi-instance twin {@code X__multi} and the gateways between them
 * ({@link BpmnPreparation#forEngine}), and the prepared model with one element per node, which return
 * targets are computed on. Maps node ids to the engine's activity ids and back. Definitions deployed
 * before the split have one element per node in both views.
 */
@Component
class EngineModels {

	private final RepositoryService repository;

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final ObjectProvider<EngineExpressions> expressions;

	private final Map<String, Process> prepared = new ConcurrentHashMap<>();

	EngineModels(RepositoryService repository, JdbcClient jdbc, RuntimeService runtime, ManagementService management,
			ObjectProvider<EngineExpressions> expressions) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.management = management;
		this.expressions = expressions;
	}

	/** The process definition an instance runs on. */
	String definitionOf(String engineInstanceId) {
		return jdbc.sql("select proc_def_id_ from act_ru_execution where id_ = ?")
			.param(engineInstanceId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new FlowableObjectNotFoundException("no running instance " + engineInstanceId));
	}

	/** The engine's process of a definition (Flowable caches the parsed model). */
	Process engine(String definitionId) {
		return repository.getBpmnModel(definitionId).getMainProcess();
	}

	/** The prepared model of a definition: one element per node. */
	Process prepared(String definitionId) {
		return prepared.computeIfAbsent(definitionId, id -> {
			ProcessDefinition definition = repository.getProcessDefinition(id);
			String resource = repository.getDeploymentResourceNames(definition.getDeploymentId()).stream()
				.filter(name -> name.endsWith(BpmnPreparation.LOGICAL_SUFFIX))
				.findFirst()
				.orElse(null);
			if (resource == null) {
				return engine(id);
			}
			try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
				return BpmnPreparation.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getMainProcess();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Moves the instance out of the nodes {@code fromNodeIds} into {@code toNodeId} (Flowable's change activity
	 * state), entering the node's plain task when its approvers are one person and its multi-instance twin
	 * otherwise, as its routing gateway would. (Moving into the gateway itself is no good: the engine sends one
	 * execution into a gateway per execution it moves, for the sake of joins.) The approvers are resolved in
	 * the same engine command as the move, so the twin's collection finds them there.
	 */
	void move(String engineInstanceId, String definition, List<String> fromNodeIds, String toNodeId) {
		List<String> from = waitingAt(engineInstanceId, fromNodeIds);
		boolean split = engine(definition).getFlowElement(toNodeId + EngineNodes.ROUTE) != null;
		FlowableEngine.guarded(() -> management.executeCommand(context -> {
			String to = toNodeId;
			if (split) {
				ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager(context).findById(engineInstanceId);
				to = expressions.getObject().resolve(instance, toNodeId).size() == 1 ? toNodeId : EngineNodes.multi(toNodeId);
			}
			runtime.createChangeActivityStateBuilder()
				.processInstanceId(engineInstanceId)
				.moveActivityIdsToSingleActivityId(from, to)
				.changeState();
			return null;
		}));
	}

	/** The node's multi-instance element: its twin, or the node itself when deployed before the split. */
	Activity multiInstance(String definitionId, String nodeId) {
		Process process = engine(definitionId);
		FlowElement twin = process.getFlowElement(EngineNodes.multi(nodeId));
		FlowElement element = twin != null ? twin : process.getFlowElement(nodeId);
		return element instanceof Activity activity && activity.getLoopCharacteristics() != null ? activity : null;
	}

	/** Activity ids of every execution of the instance (active or waiting at a join), as the engine has them. */
	List<String> waiting(String engineInstanceId) {
		return jdbc.sql("select distinct act_id_ from act_ru_execution where proc_inst_id_ = ? and act_id_ is not null")
			.param(engineInstanceId)
			.query(String.class)
			.list();
	}

	/** The engine's activity ids where the instance waits at any of the nodes. */
	List<String> waitingAt(String engineInstanceId, Collection<String> nodeIds) {
		return waiting(engineInstanceId).stream().filter(id -> nodeIds.contains(EngineNodes.node(id))).toList();
	}
}

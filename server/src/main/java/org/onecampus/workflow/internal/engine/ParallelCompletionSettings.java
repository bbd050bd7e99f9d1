package org.onecampus.workflow.internal.engine;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;

import org.springframework.stereotype.Component;

/**
 * Completes parallel multi-person nodes in the approving transaction. By default Flowable 8 counts
 * an approval on a parallel multi-instance node in an asynchronous "parallel-multi-instance-complete"
 * job; that job then races the next approval, return or added signer on the same node and one of them
 * fails with an optimistic locking conflict. Synchronously, the engine locks the node's scope
 * execution instead, and our instance row lock already serialises actions on one instance.
 *
 * Also keeps the multi-instance bookkeeping variables out of Flowable's history
 * ({@link EngineHistorySettings}).
 */
@Component
class ParallelCompletionSettings implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

	@Override
	public void configure(SpringProcessEngineConfiguration configuration) {
		configuration.setParallelMultiInstanceAsyncLeave(false);
		configuration.setHistoryConfigurationSettings(new EngineHistorySettings(configuration));
	}
}

/**
 * The business process platform (BPM, 表单设计器): forms defined as JSON Schema plus layout and
 * validated on the server, prefilled from identity and the data hub, processes designed in a simple
 * approval designer or in BPMN and run by an embedded Flowable engine behind one adapter package, and
 * the Chinese approval operations (会签, 或签, 退回, 撤回, 拿回, 转办, 委派, 加签 …) with SLA timers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package org.onecampus.workflow;

/**
 * The moddle extension for our BPMN attributes (namespace `https://onecampus.org/schema/bpmn`, prefix
 * `onecampus`): `onecampus:config` on a user task holds the node configuration JSON of the workflow
 * contract, `onecampus:condition` on a sequence flow holds a condition expression. bpmn-js keeps these
 * attributes through import and export when this descriptor is registered as `moddleExtensions.onecampus`.
 */
import type { NodeConfig } from './model'

export const ONECAMPUS_NS = 'https://onecampus.org/schema/bpmn'

export const onecampusDescriptor = {
  name: 'OneCampus',
  uri: ONECAMPUS_NS,
  prefix: 'onecampus',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'TaskConfig',
      extends: ['bpmn:UserTask'],
      properties: [{ name: 'config', isAttr: true, type: 'String' }],
    },
    {
      name: 'FlowCondition',
      extends: ['bpmn:SequenceFlow'],
      properties: [{ name: 'condition', isAttr: true, type: 'String' }],
    },
  ],
  enumerations: [],
}

/** Reads `onecampus:config`; a missing or broken attribute gives an empty config. */
export function readTaskConfig(raw: string | undefined | null): NodeConfig {
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as NodeConfig) : {}
  } catch {
    return {}
  }
}

/** A diagram with a start event, one user task and an end event: what a new BPMN draft starts with. */
export function initialDiagram(processKey: string, taskName: string): string {
  const id = /^[A-Za-z_][\w.-]*$/.test(processKey) ? processKey : 'process'
  const name = taskName.replace(/[<&"]/g, '')
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:onecampus="${ONECAMPUS_NS}"
  id="definitions" targetNamespace="https://onecampus.org/processes">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="task1" name="${name}" onecampus:config="{&quot;assignee&quot;:{&quot;rule&quot;:&quot;POSITION&quot;,&quot;position&quot;:&quot;class-counsellor&quot;},&quot;multi&quot;:&quot;ANY&quot;}">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task1" />
    <bpmn:sequenceFlow id="f2" sourceRef="task1" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${id}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="task1_di" bpmnElement="task1"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`
}

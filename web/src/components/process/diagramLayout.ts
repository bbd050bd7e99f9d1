import { BpmnModdle } from 'bpmn-moddle'
import { layoutProcess } from 'bpmn-auto-layout'

interface FlowNode {
  $type: string
  sourceRef?: FlowNode
  targetRef?: FlowNode
  get(name: string): unknown
}

/**
 * Flowable writes sequence flows without the `incoming`/`outgoing` references on their nodes; the layout
 * walks those, so they are filled in from each flow's source and target first.
 */
async function withFlowReferences(xml: string): Promise<string> {
  const moddle = new BpmnModdle()
  const { rootElement } = await moddle.fromXML(xml)
  const roots = (rootElement.get('rootElements') as { get(name: string): unknown }[] | undefined) ?? []
  for (const root of roots) {
    const elements = (root.get('flowElements') as FlowNode[] | undefined) ?? []
    for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
      const outgoing = flow.sourceRef?.get('outgoing') as FlowNode[] | undefined
      if (outgoing && !outgoing.includes(flow)) outgoing.push(flow)
      const incoming = flow.targetRef?.get('incoming') as FlowNode[] | undefined
      if (incoming && !incoming.includes(flow)) incoming.push(flow)
    }
  }
  return (await moddle.toXML(rootElement)).xml
}

/**
 * BPMN the server generates from a simple model has no diagram interchange (shapes and edges); bpmn-js
 * cannot show it as is. This adds a left-to-right layout when the XML has no shapes, keeping every
 * element and attribute (our `onecampus:*` ones included). Loaded on demand with the modeler.
 */
export async function withDiagram(xml: string): Promise<string> {
  // Flowable writes an empty plane when it has no layout; only shapes make a drawable diagram.
  if (/<([\w-]+:)?BPMNShape[\s>]/.test(xml)) return xml
  return layoutProcess(await withFlowReferences(xml))
}

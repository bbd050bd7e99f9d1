import { layoutProcess } from 'bpmn-auto-layout'

/**
 * BPMN the server generates from a simple model has no diagram interchange (shapes and edges); bpmn-js
 * cannot show it as is. This adds a left-to-right layout when the XML has no shapes, keeping every
 * element and attribute (our `onecampus:*` ones included). Loaded on demand with the modeler.
 */
export async function withDiagram(xml: string): Promise<string> {
  // Flowable writes an empty plane when it has no layout; only shapes make a drawable diagram.
  if (/<([\w-]+:)?BPMNShape[\s>]/.test(xml)) return xml
  return layoutProcess(xml)
}

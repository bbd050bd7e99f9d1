import { layoutProcess } from 'bpmn-auto-layout'

/**
 * BPMN the server generates from a simple model has no diagram interchange (shapes and edges); bpmn-js
 * cannot show it as is. This adds a left-to-right layout when the XML has no diagram, keeping every
 * element and attribute (our `onecampus:*` ones included). Loaded on demand with the modeler.
 */
export async function withDiagram(xml: string): Promise<string> {
  if (/<([\w-]+:)?BPMNDiagram[\s>]/.test(xml)) return xml
  return layoutProcess(xml)
}

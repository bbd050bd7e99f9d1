// bpmn-auto-layout ships no type declarations.
declare module 'bpmn-auto-layout' {
  /** Returns the XML with a generated BPMN diagram (shapes and edges) for the first process. */
  export function layoutProcess(xml: string): Promise<string>
}

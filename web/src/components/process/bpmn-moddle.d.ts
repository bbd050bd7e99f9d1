// bpmn-moddle ships element types only; the parts used here (layout preparation, moddle tests) are declared.
declare module 'bpmn-moddle' {
  interface ModdleElement {
    $type: string
    get(name: string): unknown
    set(name: string, value: unknown): void
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>)
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: unknown[] }>
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>
  }
}

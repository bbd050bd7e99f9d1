import { describe, expect, it } from 'vitest'
import { BpmnModdle } from 'bpmn-moddle'
import { initialDiagram, onecampusDescriptor, readTaskConfig } from '@/components/process/onecampusModdle'

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onecampus="https://onecampus.org/schema/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="leave" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="gw" />
    <bpmn:userTask id="head" name="学院审批" onecampus:config="{&quot;assignee&quot;:{&quot;rule&quot;:&quot;POSITION&quot;,&quot;position&quot;:&quot;college-head&quot;},&quot;multi&quot;:&quot;ALL&quot;}" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
    <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="head" onecampus:condition="days &gt; 3" />
    <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="head" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`

type Element = { id: string; $type: string; get(name: string): unknown; set(name: string, value: unknown): void }

async function load(xml: string) {
  const moddle = new BpmnModdle({ onecampus: onecampusDescriptor })
  const { rootElement, warnings } = await moddle.fromXML(xml)
  const process = (rootElement as unknown as { rootElements: { flowElements: Element[] }[] }).rootElements[0]
  const byId = (id: string) => process.flowElements.find((e) => e.id === id)!
  return { moddle, rootElement, warnings, byId }
}

describe('onecampus moddle extension', () => {
  it('reads onecampus:config on user tasks and onecampus:condition on flows as typed properties', async () => {
    const { warnings, byId } = await load(XML)
    expect(warnings).toEqual([])
    const config = readTaskConfig(byId('head').get('onecampus:config') as string)
    expect(config).toEqual({ assignee: { rule: 'POSITION', position: 'college-head' }, multi: 'ALL' })
    expect(byId('f2').get('onecampus:condition')).toBe('days > 3')
    expect(byId('f3').get('onecampus:condition')).toBeUndefined()
  })

  it('keeps the attributes, also after an edit, through export and re-import', async () => {
    const { moddle, rootElement, byId } = await load(XML)
    byId('head').set('onecampus:config', JSON.stringify({ assignee: { rule: 'ROLE', role: 'dean' }, multi: 'SEQUENTIAL' }))
    byId('f3').set('onecampus:condition', "kind == 'abroad'")
    const { xml } = await moddle.toXML(rootElement, { format: true })
    expect(xml).toContain('xmlns:onecampus="https://onecampus.org/schema/bpmn"')
    expect(xml).toMatch(/onecampus:condition="days (&gt;|&#62;|>) 3"/)
    const again = await load(xml)
    expect(readTaskConfig(again.byId('head').get('onecampus:config') as string)).toEqual({
      assignee: { rule: 'ROLE', role: 'dean' },
      multi: 'SEQUENTIAL',
    })
    expect(again.byId('f3').get('onecampus:condition')).toBe("kind == 'abroad'")
  })

  it('the initial diagram of a new BPMN draft parses and carries a configured task', async () => {
    const { warnings, byId } = await load(initialDiagram('leave-request', '审批 <1>'))
    expect(warnings).toEqual([])
    expect(byId('task1').get('name')).toBe('审批 1>')
    expect(readTaskConfig(byId('task1').get('onecampus:config') as string).assignee?.rule).toBe('POSITION')
  })

  it('a broken config attribute reads as an empty config', () => {
    expect(readTaskConfig('{not json')).toEqual({})
    expect(readTaskConfig('[1]')).toEqual({})
    expect(readTaskConfig(undefined)).toEqual({})
  })
})

describe('diagram layout for generated BPMN', () => {
  const generated = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onecampus="https://onecampus.org/schema/bpmn" targetNamespace="https://onecampus.org/processes">
<process id="leave" name="请假" isExecutable="true">
<startEvent id="start"/>
<userTask id="n_c" name="辅导员审批" onecampus:config="{&quot;assignee&quot;:{&quot;rule&quot;:&quot;POSITION&quot;,&quot;position&quot;:&quot;class-counsellor&quot;}}"/>
<exclusiveGateway id="n_g" default="b_2"/>
<userTask id="n_h" name="学院审批" onecampus:config="{}"/>
<exclusiveGateway id="n_g_join"/>
<endEvent id="end"/>
<sequenceFlow id="flow_1" sourceRef="start" targetRef="n_c"/>
<sequenceFlow id="flow_2" sourceRef="n_c" targetRef="n_g"/>
<sequenceFlow id="b_1" sourceRef="n_g" targetRef="n_h" onecampus:condition="days &gt; 3"/>
<sequenceFlow id="flow_3" sourceRef="n_h" targetRef="n_g_join"/>
<sequenceFlow id="b_2" sourceRef="n_g" targetRef="n_g_join"/>
<sequenceFlow id="flow_4" sourceRef="n_g_join" targetRef="end"/>
</process>
</definitions>`

  it('adds shapes and edges to XML without a diagram and keeps the onecampus attributes', async () => {
    const { withDiagram } = await import('@/components/process/diagramLayout')
    const laid = await withDiagram(generated)
    expect(laid).toMatch(/BPMNDiagram/)
    expect(laid).toMatch(/bpmnElement="n_h"/)
    const { warnings, byId } = await load(laid)
    expect(warnings).toEqual([])
    expect(readTaskConfig(byId('n_c').get('onecampus:config') as string).assignee?.position).toBe('class-counsellor')
    expect(byId('b_1').get('onecampus:condition')).toBe('days > 3')
    // laid out left to right along the flows (the generated XML has no incoming/outgoing references)
    const x = (id: string) => Number(new RegExp(`bpmnElement="${id}"[^>]*>\\s*<[\\w:]*Bounds x="(\\d+)`).exec(laid)?.[1])
    expect(x('start')).toBeLessThan(x('n_c'))
    expect(x('n_c')).toBeLessThan(x('n_g'))
    expect(x('n_g')).toBeLessThan(x('n_h'))
    expect(x('n_h')).toBeLessThan(x('end'))
  })

  it('lays out XML whose diagram is an empty plane (as Flowable writes it)', async () => {
    const { withDiagram } = await import('@/components/process/diagramLayout')
    const flowable = generated
      .replace('<definitions ', '<definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ')
      .replace('</definitions>', '<bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane bpmnElement="leave" id="p"></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>')
    expect(await withDiagram(flowable)).toMatch(/BPMNShape[^>]*bpmnElement="n_h"|bpmnElement="n_h"[^>]*/)
    expect((await withDiagram(flowable)).match(/BPMNShape /g)?.length).toBeGreaterThanOrEqual(6)
  })

  it('leaves XML that already has a diagram alone', async () => {
    const { withDiagram } = await import('@/components/process/diagramLayout')
    const xml = initialDiagram('leave', '审批')
    expect(await withDiagram(xml)).toBe(xml)
  })
})

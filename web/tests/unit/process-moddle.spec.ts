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

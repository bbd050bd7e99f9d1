import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElFormItem } from 'element-plus'
import { ApiProblem } from '@/api/problem'
import { useCodeRequest } from '@/composables/useCodeRequest'
import CodeField from '@/components/auth/CodeField.vue'

describe('useCodeRequest', () => {
  it('remembers the request a sent code belongs to and moves on', async () => {
    const flow = useCodeRequest()
    let moved = false
    await flow.requestCode(async () => ({ id: 'r-1', expiresInMinutes: 5 }), () => {
      moved = true
    })
    expect(flow.requestId.value).toBe('r-1')
    expect(flow.minutes.value).toBe(5)
    expect(moved).toBe(true)
    expect(flow.submitting.value).toBe(false)
  })

  it('keeps a refusal as the problem with its field errors and stays on the step', async () => {
    const flow = useCodeRequest()
    let moved = false
    const refusal = new ApiProblem({ title: '请求过于频繁', status: 429, errorCode: 'identity.throttled' })
    await flow.requestCode(() => Promise.reject(refusal), () => {
      moved = true
    })
    expect(moved).toBe(false)
    expect(flow.problem.value?.errorCode).toBe('identity.throttled')
    expect(flow.requestId.value).toBe('')

    await flow.run(() => Promise.reject(new ApiProblem({ title: '校验失败', status: 422, fieldErrors: { code: '验证码错误' } })))
    expect(flow.fieldErrors.value).toEqual({ code: '验证码错误' })
    flow.clearErrors()
    expect(flow.problem.value).toBeNull()
    expect(flow.fieldErrors.value).toEqual({})
  })

  it('runs one action at a time', async () => {
    const flow = useCodeRequest()
    let release: () => void = () => {}
    let calls = 0
    const first = flow.run(() => {
      calls += 1
      return new Promise<void>((resolve) => {
        release = resolve
      })
    })
    await flow.run(async () => {
      calls += 1
    })
    expect(calls).toBe(1)
    release()
    await first
    expect(flow.submitting.value).toBe(false)
  })
})

describe('CodeField', () => {
  it('binds the code and shows the field error', async () => {
    const wrapper = mount(
      {
        components: { CodeField },
        data: () => ({ code: '' }),
        template: '<el-form><CodeField v-model="code" label="验证码" error="验证码错误" testid="x-code" /></el-form>',
      },
      { global: { plugins: [ElementPlus] } },
    )
    const input = wrapper.get('[data-testid="x-code"]')
    expect(input.attributes('maxlength')).toBe('6')
    expect(input.attributes('autocomplete')).toBe('one-time-code')
    await input.setValue('123456')
    expect((wrapper.vm as unknown as { code: string }).code).toBe('123456')
    const item = wrapper.findComponent(ElFormItem)
    expect(item.props('label')).toBe('验证码')
    expect(item.props('error')).toBe('验证码错误')
  })
})

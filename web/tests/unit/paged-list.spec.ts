import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { h } from 'vue'
import PagedList from '@/components/PagedList.vue'

interface Row {
  id: string
  title: string
  unread: boolean
}

const rows: Row[] = [
  { id: 'a', title: '第一条', unread: true },
  { id: 'b', title: '第二条', unread: false },
]

function mountList(props: Record<string, unknown>) {
  return mount(PagedList, {
    props: {
      items: rows,
      loading: false,
      total: 2,
      size: 20,
      page: 1,
      emptyText: '暂无',
      itemKey: (row: unknown) => (row as Row).id,
      itemClass: (row: unknown) => ({ unread: (row as Row).unread }),
      listTestid: 'rows',
      itemTestid: 'row',
      ...props,
    },
    slots: { item: ({ item }: { item: unknown }) => h('strong', (item as Row).title) },
    global: { plugins: [ElementPlus] },
  })
}

describe('PagedList', () => {
  it('shows a row per item through the slot and emits open with the item', async () => {
    const wrapper = mountList({})
    const items = wrapper.findAll('[data-testid="row"]')
    expect(items.map((item) => item.text())).toEqual(['第一条', '第二条'])
    expect(items[0]!.classes()).toContain('unread')
    expect(items[1]!.classes()).not.toContain('unread')
    await items[1]!.get('button').trigger('click')
    expect(wrapper.emitted('open')).toEqual([[rows[1]]])
  })

  it('shows the empty text when there is nothing, and no pager when one page holds all', () => {
    const wrapper = mountList({ items: [], total: 0 })
    expect(wrapper.find('[data-testid="rows"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('暂无')
    expect(wrapper.find('.el-pagination').exists()).toBe(false)
  })

  it('pages when there is more than a page and tells the new page', async () => {
    const wrapper = mountList({ total: 45 })
    expect(wrapper.find('.el-pagination').exists()).toBe(true)
    await wrapper.findAll('.el-pager li')[1]!.trigger('click')
    expect(wrapper.emitted('change')).toEqual([[2]])
    expect(wrapper.emitted('update:page')).toEqual([[2]])
  })
})

import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { INBOX_STREAM_URL, unreadCount } from '@/api/messaging/inbox'

/** Shared by the bell and the inbox page: one stream per tab, however many components watch the count. */
const count = ref(0)
let source: EventSource | null = null
let users = 0

function open(): void {
  void unreadCount()
    .then((value) => {
      count.value = value
    })
    .catch(() => undefined)
  if (typeof EventSource === 'undefined' || source) return
  source = new EventSource(INBOX_STREAM_URL, { withCredentials: true })
  source.addEventListener('unread', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { unread: number }
    count.value = data.unread
  })
  // EventSource reconnects by itself after network errors; nothing else to do here.
}

function close(): void {
  source?.close()
  source = null
}

/** Sets the count after a change made in this tab (the stream confirms it moments later). */
export function setUnreadCount(value: number): void {
  count.value = Math.max(0, value)
}

/** The live unread count of the signed-in person's inbox. */
export function useUnreadCount(): Ref<number> {
  onMounted(() => {
    users += 1
    if (users === 1) open()
  })
  onBeforeUnmount(() => {
    users -= 1
    if (users === 0) close()
  })
  return count
}

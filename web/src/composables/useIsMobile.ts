import { onBeforeUnmount, ref, type Ref } from 'vue'

export const MOBILE_QUERY = '(max-width: 767px)'

/** True below 768 px; follows window resizes. */
export function useIsMobile(): Ref<boolean> {
  const media = typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(MOBILE_QUERY)
    : null
  const isMobile = ref(media?.matches ?? false)
  if (media) {
    const onChange = (event: MediaQueryListEvent) => {
      isMobile.value = event.matches
    }
    media.addEventListener('change', onChange)
    onBeforeUnmount(() => media.removeEventListener('change', onChange))
  }
  return isMobile
}

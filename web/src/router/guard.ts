import type { Router } from 'vue-router'
import { translate } from '@/locales'
import { useSessionStore } from '@/stores/session'
import { usePasswordGateStore } from '@/stores/passwordGate'

/**
 * - Public routes always open (the session is still probed so the 404 page can show the layout).
 * - Other routes need a session, else → /login?redirect=<path>.
 * - A person who must change an initial or expired password goes to the account page first.
 * - A route whose permission the user lacks renders the 404 page at the same URL.
 */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    const me = await session.ensureLoaded()

    if (to.meta.public) return true
    if (!me) return { path: '/login', query: { redirect: to.fullPath } }
    // An initial or expired password is changed before anything else.
    if (to.name !== 'account' && (await usePasswordGateStore().requiresChange(me.username))) {
      return { name: 'account', query: { tab: 'password' }, replace: true }
    }

    const missing = to.matched.find((record) => !session.hasPermission(record.meta.permission))
    if (missing) {
      return {
        name: 'not-found',
        params: { pathMatch: to.path.substring(1).split('/') },
        query: to.query,
        hash: to.hash,
        replace: true,
      }
    }
    return true
  })

  router.afterEach((to) => updateDocumentTitle(to.meta.titleKey))
}

export function updateDocumentTitle(titleKey: string | undefined): void {
  if (typeof document === 'undefined') return
  const app = translate('common.appName')
  document.title = titleKey ? `${translate(titleKey)} · ${app}` : app
}

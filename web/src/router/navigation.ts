import type { Component } from 'vue'
import { Connection, Document, HomeFilled, User } from '@element-plus/icons-vue'
import { AUDIT_READ } from '@/api/kernel/audit'
import { APP_MANAGE } from '@/api/identity/apps'

export type NavKey = 'home' | 'profile' | 'audit' | 'apps'

/** One module entry, shared by the side navigation, the phone drawer and the home cards. */
export interface NavEntry {
  key: NavKey
  path: string
  /** i18n key of the label */
  titleKey: string
  /** i18n key of the one-line description on the home page */
  descriptionKey: string | null
  icon: Component
  /** Permission required to see and open the module; none = every signed-in user. */
  permission?: string
}

/** Only modules that are actually built are listed here — no placeholders. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'home', path: '/', titleKey: 'common.nav.home', descriptionKey: null, icon: HomeFilled },
  { key: 'profile', path: '/profile', titleKey: 'common.nav.profile', descriptionKey: 'home.modules.profile', icon: User },
  {
    key: 'audit',
    path: '/audit',
    titleKey: 'common.nav.audit',
    descriptionKey: 'home.modules.audit',
    icon: Document,
    permission: AUDIT_READ,
  },
  {
    key: 'apps',
    path: '/identity/apps',
    titleKey: 'identity.apps.nav',
    descriptionKey: 'identity.apps.homeDescription',
    icon: Connection,
    permission: APP_MANAGE,
  },
]

/** The entries a user with `permissions` may see, in declaration order. */
export function visibleNavEntries(
  permissions: readonly string[],
  entries: readonly NavEntry[] = NAV_ENTRIES,
): NavEntry[] {
  const granted = new Set(permissions)
  return entries.filter((entry) => !entry.permission || granted.has(entry.permission))
}

/** The module cards on the home page: the navigation minus Home itself. */
export function homeModuleEntries(permissions: readonly string[]): NavEntry[] {
  return visibleNavEntries(permissions).filter((entry) => entry.key !== 'home')
}

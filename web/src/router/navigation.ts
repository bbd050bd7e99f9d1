import type { Component } from 'vue'
import { Bell, Briefcase, Collection, ChatLineSquare, Checked, Connection, DataAnalysis, Document, EditPen, HomeFilled, Lock, OfficeBuilding, Promotion, School, Share, Stamp, Tickets, Timer, TrendCharts, Upload, User, UserFilled, Files } from '@element-plus/icons-vue'
import { AUDIT_READ } from '@/api/kernel/audit'
import { PERSON_MANAGE, PERSON_READ } from '@/api/identity/people'
import { ORG_READ } from '@/api/identity/org'
import { PASSWORD_REPORT_READ, POLICY_READ, THROTTLE_MANAGE } from '@/api/identity/admin'
import { DELIVERY_READ, MESSAGE_SEND } from '@/api/messaging/types'
import { APP_MANAGE } from '@/api/identity/apps'
import { ROLE_MANAGE } from '@/api/identity/roles'
import { APPLICATION_READ } from '@/api/hall/applications'
import { TODO_READ } from '@/api/hall/todos'
import { FORM_READ } from '@/api/workflow/forms'
import { PROCESS_READ } from '@/api/workflow/processes'
import { SERVICE_MANAGE } from '@/api/hall/catalogue'
import { ROOM_MANAGE } from '@/api/hall/rooms'
import { TEMPLATE_INSTALL } from '@/api/hall/templates'
import { STATISTICS_READ } from '@/api/hall/statistics'

export type NavKey =
  | 'home'
  | 'profile'
  | 'account'
  | 'inbox'
  | 'todo'
  | 'applications'
  | 'hall'
  | 'audit'
  | 'people'
  | 'org'
  | 'imports'
  | 'throttles'
  | 'weakPasswords'
  | 'policies'
  | 'messaging-send'
  | 'messaging-admin'
  | 'apps'
  | 'roles'
  | 'forms'
  | 'processes'
  | 'hall-admin'
  | 'hall-rooms'
  | 'hall-templates'
  | 'hall-statistics'

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
  {
    key: 'todo',
    path: '/todo',
    titleKey: 'todo.nav',
    descriptionKey: 'todo.home',
    icon: Checked,
    permission: TODO_READ,
  },
  { key: 'profile', path: '/profile', titleKey: 'common.nav.profile', descriptionKey: 'home.modules.profile', icon: User },
  { key: 'account', path: '/account', titleKey: 'account.nav.account', descriptionKey: 'account.home.account', icon: Lock },
  { key: 'inbox', path: '/messaging/inbox', titleKey: 'messaging.nav.inbox', descriptionKey: 'messaging.home.inbox', icon: Bell },
  { key: 'hall', path: '/hall', titleKey: 'hall.nav', descriptionKey: 'hall.homeDescription', icon: Briefcase },
  {
    key: 'applications',
    path: '/hall/applications',
    titleKey: 'applications.nav',
    descriptionKey: 'applications.home',
    icon: Tickets,
    permission: APPLICATION_READ,
  },
  {
    key: 'audit',
    path: '/audit',
    titleKey: 'common.nav.audit',
    descriptionKey: 'home.modules.audit',
    icon: Document,
    permission: AUDIT_READ,
  },
  {
    key: 'people',
    path: '/identity/people',
    titleKey: 'people.people.pageTitle',
    descriptionKey: 'people.people.description',
    icon: UserFilled,
    permission: PERSON_READ,
  },
  {
    key: 'org',
    path: '/identity/org',
    titleKey: 'people.org.pageTitle',
    descriptionKey: 'people.org.description',
    icon: OfficeBuilding,
    permission: ORG_READ,
  },
  {
    key: 'imports',
    path: '/identity/imports',
    titleKey: 'imports.pageTitle',
    descriptionKey: 'imports.description',
    icon: Upload,
    permission: PERSON_MANAGE,
  },
  {
    key: 'throttles',
    path: '/admin/throttles',
    titleKey: 'account.nav.throttles',
    descriptionKey: 'account.home.throttles',
    icon: Timer,
    permission: THROTTLE_MANAGE,
  },
  {
    key: 'weakPasswords',
    path: '/admin/weak-passwords',
    titleKey: 'account.nav.weakPasswords',
    descriptionKey: 'account.home.weakPasswords',
    icon: DataAnalysis,
    permission: PASSWORD_REPORT_READ,
  },
  {
    key: 'policies',
    path: '/admin/policies',
    titleKey: 'policies.nav',
    descriptionKey: 'policies.home',
    icon: Lock,
    permission: POLICY_READ,
  },
  {
    key: 'messaging-send',
    path: '/messaging/send',
    titleKey: 'messaging.nav.send',
    descriptionKey: 'messaging.home.send',
    icon: Promotion,
    permission: MESSAGE_SEND,
  },
  {
    key: 'messaging-admin',
    path: '/messaging/admin',
    titleKey: 'messaging.nav.admin',
    descriptionKey: 'messaging.home.admin',
    icon: ChatLineSquare,
    permission: DELIVERY_READ,
  },
  {
    key: 'apps',
    path: '/identity/apps',
    titleKey: 'identity.apps.nav',
    descriptionKey: 'identity.apps.homeDescription',
    icon: Connection,
    permission: APP_MANAGE,
  },
  {
    key: 'roles',
    path: '/identity/roles',
    titleKey: 'roles.nav',
    descriptionKey: 'roles.homeDescription',
    icon: Stamp,
    permission: ROLE_MANAGE,
  },
  {
    key: 'forms',
    path: '/workflow/forms',
    titleKey: 'forms.nav',
    descriptionKey: 'forms.homeDescription',
    icon: EditPen,
    permission: FORM_READ,
  },
  {
    key: 'processes',
    path: '/workflow/processes',
    titleKey: 'processes.nav',
    descriptionKey: 'processes.homeDescription',
    icon: Share,
    permission: PROCESS_READ,
  },
  {
    key: 'hall-admin',
    path: '/hall/admin/services',
    titleKey: 'hall.navAdmin',
    descriptionKey: 'hall.adminHomeDescription',
    icon: Collection,
    permission: SERVICE_MANAGE,
  },
  {
    key: 'hall-rooms',
    path: '/hall/admin/rooms',
    titleKey: 'rooms.nav',
    descriptionKey: 'rooms.homeDescription',
    icon: School,
    permission: ROOM_MANAGE,
  },
  {
    key: 'hall-templates',
    path: '/hall/templates',
    titleKey: 'hallTemplates.nav',
    descriptionKey: 'hallTemplates.homeDescription',
    icon: Files,
    permission: TEMPLATE_INSTALL,
  },
  {
    key: 'hall-statistics',
    path: '/hall/statistics',
    titleKey: 'hallStatistics.nav',
    descriptionKey: 'hallStatistics.home',
    icon: TrendCharts,
    permission: STATISTICS_READ,
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

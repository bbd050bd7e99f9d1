import type { RouteRecordRaw } from 'vue-router'
import { AUDIT_READ } from '@/api/kernel/audit'
import { PERSON_MANAGE, PERSON_READ } from '@/api/identity/people'
import { ORG_READ } from '@/api/identity/org'
import { PASSWORD_REPORT_MANAGE, PASSWORD_REPORT_READ, POLICY_READ, THROTTLE_MANAGE } from '@/api/identity/admin'
import { DELIVERY_READ, MESSAGE_SEND } from '@/api/messaging/types'
import { APP_MANAGE } from '@/api/identity/apps'
import { ROLE_MANAGE } from '@/api/identity/roles'
import { INSTANCE_START, TASK_READ } from '@/api/workflow/tasks'
import { APPLICATION_CREATE, APPLICATION_READ } from '@/api/hall/applications'
import { TODO_READ } from '@/api/hall/todos'
import { FORM_READ } from '@/api/workflow/forms'
import { PROCESS_READ } from '@/api/workflow/processes'
import { SERVICE_MANAGE } from '@/api/hall/catalogue'
import { ROOM_MANAGE } from '@/api/hall/rooms'
import { TEMPLATE_INSTALL } from '@/api/hall/templates'
import { STATISTICS_READ } from '@/api/hall/statistics'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Permission required; users without it get the 404 page. */
    permission?: string
    /** i18n key for document.title */
    titleKey?: string
    /** Navigation key highlighted in the side menu. */
    navKey?: string
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { public: true, titleKey: 'auth.login.pageTitle' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('@/views/auth/ForgotPasswordView.vue'),
    meta: { public: true, titleKey: 'recovery.pageTitle' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/auth/RegisterView.vue'),
    meta: { public: true, titleKey: 'registration.pageTitle' },
  },
  {
    path: '/step-up',
    name: 'step-up',
    component: () => import('@/views/auth/StepUpView.vue'),
    meta: { titleKey: 'stepUp.pageTitle' },
  },
  {
    path: '/hall/public',
    name: 'hall-public',
    component: () => import('@/views/hall/catalogue/PublicHallView.vue'),
    meta: { public: true, titleKey: 'hall.publicTitle' },
  },
  {
    path: '/hall/public/services/:code',
    name: 'hall-public-service',
    component: () => import('@/views/hall/catalogue/PublicServiceView.vue'),
    props: true,
    meta: { public: true, titleKey: 'hall.publicTitle' },
  },
  {
    path: '/',
    component: () => import('@/layouts/AppLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/HomeView.vue'),
        meta: { titleKey: 'home.pageTitle', navKey: 'home' },
      },
      {
        path: 'hall',
        name: 'hall',
        component: () => import('@/views/hall/catalogue/HallView.vue'),
        meta: { titleKey: 'hall.pageTitle', navKey: 'hall' },
      },
      {
        path: 'hall/services/:code',
        name: 'hall-service',
        component: () => import('@/views/hall/catalogue/ServiceView.vue'),
        props: true,
        meta: { titleKey: 'hall.detailTitle', navKey: 'hall' },
      },
      {
        path: 'hall/admin/services',
        name: 'hall-admin-services',
        component: () => import('@/views/hall/admin/ServiceAdminListView.vue'),
        meta: { titleKey: 'hall.adminTitle', navKey: 'hall-admin', permission: SERVICE_MANAGE },
      },
      {
        path: 'hall/admin/services/new',
        name: 'hall-admin-service-new',
        component: () => import('@/views/hall/admin/ServiceEditorView.vue'),
        meta: { titleKey: 'hall.newTitle', navKey: 'hall-admin', permission: SERVICE_MANAGE },
      },
      {
        path: 'hall/admin/services/:code',
        name: 'hall-admin-service',
        component: () => import('@/views/hall/admin/ServiceEditorView.vue'),
        props: true,
        meta: { titleKey: 'hall.editorTitle', navKey: 'hall-admin', permission: SERVICE_MANAGE },
      },
      {
        path: 'hall/admin/rooms',
        name: 'hall-admin-rooms',
        component: () => import('@/views/hall/admin/RoomAdminView.vue'),
        meta: { titleKey: 'rooms.pageTitle', navKey: 'hall-rooms', permission: ROOM_MANAGE },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('@/views/profile/ProfileView.vue'),
        meta: { titleKey: 'profile.pageTitle', navKey: 'profile' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/audit/AuditLogView.vue'),
        meta: { titleKey: 'audit.pageTitle', navKey: 'audit', permission: AUDIT_READ },
      },
      {
        path: 'identity/people',
        name: 'identity-people',
        component: () => import('@/views/identity/people/PeopleListView.vue'),
        meta: { titleKey: 'people.people.pageTitle', navKey: 'people', permission: PERSON_READ },
      },
      {
        path: 'identity/org',
        name: 'identity-org',
        component: () => import('@/views/identity/org/OrgTreeView.vue'),
        meta: { titleKey: 'people.org.pageTitle', navKey: 'org', permission: ORG_READ },
      },
      {
        path: 'identity/imports',
        name: 'identity-imports',
        component: () => import('@/views/identity/imports/ImportView.vue'),
        meta: { titleKey: 'imports.pageTitle', navKey: 'imports', permission: PERSON_MANAGE },
      },
      {
        path: 'account',
        name: 'account',
        component: () => import('@/views/identity/account/AccountView.vue'),
        meta: { titleKey: 'account.pageTitle', navKey: 'account' },
      },
      {
        path: 'admin/throttles',
        name: 'admin-throttles',
        component: () => import('@/views/identity/admin/ThrottlesView.vue'),
        meta: { titleKey: 'account.throttles.pageTitle', navKey: 'throttles', permission: THROTTLE_MANAGE },
      },
      {
        path: 'admin/weak-passwords',
        name: 'admin-weak-passwords',
        component: () => import('@/views/identity/admin/WeakPasswordsView.vue'),
        meta: { titleKey: 'account.weakPasswords.pageTitle', navKey: 'weakPasswords', permission: PASSWORD_REPORT_READ },
      },
      {
        path: 'admin/policies',
        name: 'admin-policies',
        component: () => import('@/views/identity/admin/PasswordPolicyView.vue'),
        meta: { titleKey: 'policies.pageTitle', navKey: 'policies', permission: POLICY_READ },
      },
      {
        path: 'admin/weak-passwords/campaigns',
        name: 'admin-password-campaigns',
        component: () => import('@/views/identity/admin/campaigns/CampaignListView.vue'),
        meta: { titleKey: 'campaigns.pageTitle', navKey: 'weakPasswords', permission: PASSWORD_REPORT_MANAGE },
      },
      {
        path: 'admin/weak-passwords/campaigns/new',
        name: 'admin-password-campaign-new',
        component: () => import('@/views/identity/admin/campaigns/CampaignFormView.vue'),
        meta: { titleKey: 'campaigns.newTitle', navKey: 'weakPasswords', permission: PASSWORD_REPORT_MANAGE },
      },
      {
        path: 'admin/weak-passwords/campaigns/:id',
        name: 'admin-password-campaign',
        component: () => import('@/views/identity/admin/campaigns/CampaignDetailView.vue'),
        props: true,
        meta: { titleKey: 'campaigns.detailTitle', navKey: 'weakPasswords', permission: PASSWORD_REPORT_MANAGE },
      },
      {
        path: 'messaging/inbox',
        name: 'messaging-inbox',
        component: () => import('@/views/messaging/InboxView.vue'),
        meta: { titleKey: 'messaging.pageTitle.inbox', navKey: 'inbox' },
      },
      {
        path: 'todo',
        name: 'todo',
        component: () => import('@/views/hall/todo/TodoCentreView.vue'),
        meta: { titleKey: 'todo.pageTitle', navKey: 'todo', permission: TODO_READ },
      },
      {
        path: 'workflow/tasks',
        name: 'workflow-tasks',
        component: () => import('@/views/workflow/tasks/TaskListView.vue'),
        meta: { titleKey: 'tasks.pageTitle.list', navKey: 'todo', permission: TASK_READ },
      },
      {
        path: 'workflow/tasks/:id',
        name: 'workflow-task',
        component: () => import('@/views/workflow/tasks/TaskDetailView.vue'),
        meta: { titleKey: 'tasks.pageTitle.task', navKey: 'todo', permission: TASK_READ },
      },
      {
        path: 'workflow/start',
        name: 'workflow-start',
        component: () => import('@/views/workflow/start/StartListView.vue'),
        meta: { titleKey: 'tasks.pageTitle.start', navKey: 'todo', permission: INSTANCE_START },
      },
      {
        path: 'workflow/start/:processKey',
        name: 'workflow-start-form',
        component: () => import('@/views/workflow/start/StartFormView.vue'),
        meta: { titleKey: 'tasks.pageTitle.start', navKey: 'todo', permission: INSTANCE_START },
      },
      {
        path: 'workflow/instances/:id',
        name: 'workflow-instance',
        component: () => import('@/views/workflow/tasks/InstanceDetailView.vue'),
        meta: { titleKey: 'tasks.pageTitle.instance', navKey: 'todo', permission: TASK_READ },
      },
      {
        path: 'hall/services/:code/apply',
        name: 'hall-apply',
        component: () => import('@/views/hall/applications/ApplyView.vue'),
        meta: { titleKey: 'applications.pageTitle.apply', navKey: 'applications', permission: APPLICATION_CREATE },
      },
      {
        path: 'hall/applications',
        name: 'hall-applications',
        component: () => import('@/views/hall/applications/ApplicationListView.vue'),
        meta: { titleKey: 'applications.pageTitle.list', navKey: 'applications', permission: APPLICATION_READ },
      },
      {
        path: 'hall/applications/:id',
        name: 'hall-application',
        component: () => import('@/views/hall/applications/ApplicationDetailView.vue'),
        meta: { titleKey: 'applications.pageTitle.detail', navKey: 'applications', permission: APPLICATION_READ },
      },
      {
        path: 'messaging/preferences',
        name: 'messaging-preferences',
        component: () => import('@/views/messaging/PreferencesView.vue'),
        meta: { titleKey: 'messaging.pageTitle.preferences', navKey: 'inbox' },
      },
      {
        path: 'messaging/send',
        name: 'messaging-send',
        component: () => import('@/views/messaging/SendView.vue'),
        meta: { titleKey: 'messaging.pageTitle.send', navKey: 'messaging-send', permission: MESSAGE_SEND },
      },
      {
        path: 'messaging/admin',
        name: 'messaging-admin',
        component: () => import('@/views/messaging/AdminView.vue'),
        meta: { titleKey: 'messaging.pageTitle.admin', navKey: 'messaging-admin', permission: DELIVERY_READ },
      },
      {
        path: 'identity/apps',
        name: 'identity-apps',
        component: () => import('@/views/identity/apps/AppListView.vue'),
        meta: { titleKey: 'identity.apps.pageTitle', navKey: 'apps', permission: APP_MANAGE },
      },
      {
        path: 'identity/roles',
        name: 'identity-roles',
        component: () => import('@/views/identity/roles/RolesView.vue'),
        meta: { titleKey: 'roles.pageTitle', navKey: 'roles', permission: ROLE_MANAGE },
      },
      {
        path: 'workflow/forms',
        name: 'workflow-forms',
        component: () => import('@/views/workflow/forms/FormsListView.vue'),
        meta: { titleKey: 'forms.pages.listTitle', navKey: 'forms', permission: FORM_READ },
      },
      {
        path: 'workflow/code-sets',
        name: 'workflow-code-sets',
        component: () => import('@/views/workflow/codesets/CodeSetsView.vue'),
        meta: { titleKey: 'codeSets.title', navKey: 'forms', permission: FORM_READ },
      },
      {
        path: 'workflow/forms/:key',
        name: 'workflow-form-editor',
        component: () => import('@/views/workflow/forms/FormEditorView.vue'),
        meta: { titleKey: 'forms.pages.listTitle', navKey: 'forms', permission: FORM_READ },
      },
      {
        path: 'workflow/forms/:key/versions',
        name: 'workflow-form-versions',
        component: () => import('@/views/workflow/forms/FormVersionsView.vue'),
        meta: { titleKey: 'forms.pages.listTitle', navKey: 'forms', permission: FORM_READ },
      },
      {
        path: 'hall/statistics',
        name: 'hall-statistics',
        component: () => import('@/views/hall/statistics/StatisticsView.vue'),
        meta: { titleKey: 'hallStatistics.pageTitle', navKey: 'hall-statistics', permission: STATISTICS_READ },
      },
      {
        path: 'workflow/processes',
        name: 'workflow-processes',
        component: () => import('@/views/workflow/processes/ProcessListView.vue'),
        meta: { titleKey: 'processes.list.pageTitle', navKey: 'processes', permission: PROCESS_READ },
      },
      {
        path: 'workflow/processes/:processKey',
        name: 'workflow-process-editor',
        component: () => import('@/views/workflow/processes/ProcessEditorView.vue'),
        props: true,
        meta: { titleKey: 'processes.editor.pageTitle', navKey: 'processes', permission: PROCESS_READ },
      },
      {
        path: 'hall/templates',
        name: 'hall-templates',
        component: () => import('@/views/hall/templates/TemplatesView.vue'),
        meta: { titleKey: 'hallTemplates.title', navKey: 'hall-templates', permission: TEMPLATE_INSTALL },
      },
    ],
  },
  {
    // Public so that unknown URLs get a 404 whether or not someone is signed in.
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/errors/NotFoundView.vue'),
    meta: { public: true, titleKey: 'errors.notFound.pageTitle' },
  },
]

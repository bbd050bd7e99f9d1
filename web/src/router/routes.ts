import type { RouteRecordRaw } from 'vue-router'
import { AUDIT_READ } from '@/api/kernel/audit'
import { APP_MANAGE } from '@/api/identity/apps'

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
        path: 'identity/apps',
        name: 'identity-apps',
        component: () => import('@/views/identity/apps/AppListView.vue'),
        meta: { titleKey: 'identity.apps.pageTitle', navKey: 'apps', permission: APP_MANAGE },
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

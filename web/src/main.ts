import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/main.css'

import App from './App.vue'
import { i18n } from './locales'
import { router } from './router'
import { installHttp } from './api/http'
import { useSessionStore } from './stores/session'
import { useLocaleStore } from './stores/locale'
import { usePlatformStore } from './stores/platform'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
app.use(router)

// Applies the remembered locale to <html lang> before the first render.
useLocaleStore()
void usePlatformStore().load()

installHttp({
  router,
  onUnauthorized: () => useSessionStore().clear(),
})

app.mount('#app')

import type { SsoApp, SsoAppInput } from '@/api/identity/apps'

export interface AppFormProps {
  /** The app to change, or null to register a new one. */
  app: SsoApp | null
  /** Whether the dialog is shown. */
  modelValue: boolean
}

export interface AppFormEmits {
  (event: 'update:modelValue', value: boolean): void
  /** After a successful save; `clientSecret` only for a newly registered OIDC app. */
  (event: 'saved', app: SsoApp, clientSecret?: string): void
}

/** The form's editable state: lists are edited as one entry per line. */
export interface AppFormState extends Omit<SsoAppInput, 'servicePatterns' | 'redirectUris' | 'postLogoutRedirectUris' | 'scopes'> {
  servicePatterns: string
  redirectUris: string
  postLogoutRedirectUris: string
  scopes: string
}

import { translate } from '@/locales'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

function enumLabel(group: string, value: string): string {
  const key = `enums.${group}.${value}`
  const text = translate(key)
  // Unknown values from a newer server fall back to the raw code.
  return text === key ? value : text
}

export const affiliationTypeLabel = (value: string): string => enumLabel('affiliationType', value)
export const affiliationStatusLabel = (value: string): string => enumLabel('affiliationStatus', value)
export const orgUnitTypeLabel = (value: string): string => enumLabel('orgUnitType', value)

const STATUS_TAGS: Record<string, TagType> = {
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  LEFT: 'info',
  GRADUATED: 'primary',
  EXPIRED: 'danger',
}

export function affiliationStatusTag(value: string): TagType {
  return STATUS_TAGS[value] ?? 'info'
}

const AUDIT_ACTION_KEYS: Record<string, string> = {
  'auth.sign-in': 'audit.actions.authSignIn',
  'auth.sign-in-failed': 'audit.actions.authSignInFailed',
  'auth.sign-out': 'audit.actions.authSignOut',
  'audit.verified': 'audit.actions.auditVerified',
  'identity.preferences-changed': 'audit.actions.identityPreferencesChanged',
  'identity.initial-admin-created': 'audit.actions.identityInitialAdminCreated',
  'auth.credential-stuffing-detected': 'audit.actions.authCredentialStuffingDetected',
  'auth.mfa-failed': 'audit.actions.authMfaFailed',
  'auth.mfa-passed': 'audit.actions.authMfaPassed',
  'identity.account.disabled': 'audit.actions.identityAccountDisabled',
  'identity.affiliation.added': 'audit.actions.identityAffiliationAdded',
  'identity.affiliation.changed': 'audit.actions.identityAffiliationChanged',
  'identity.mfa-disabled': 'audit.actions.identityMfaDisabled',
  'identity.mfa-enabled': 'audit.actions.identityMfaEnabled',
  'identity.mfa-enrolment-started': 'audit.actions.identityMfaEnrolmentStarted',
  'identity.mfa-recovery-code-used': 'audit.actions.identityMfaRecoveryCodeUsed',
  'identity.mfa-recovery-codes-renewed': 'audit.actions.identityMfaRecoveryCodesRenewed',
  'identity.org-unit.changed': 'audit.actions.identityOrgUnitChanged',
  'identity.org-unit.closed': 'audit.actions.identityOrgUnitClosed',
  'identity.org-unit.created': 'audit.actions.identityOrgUnitCreated',
  'identity.password-changed': 'audit.actions.identityPasswordChanged',
  'identity.password-rehashed': 'audit.actions.identityPasswordRehashed',
  'identity.password-report-exported': 'audit.actions.identityPasswordReportExported',
  'identity.password-report-snapshot': 'audit.actions.identityPasswordReportSnapshot',
  'identity.password-policy.changed': 'audit.actions.identityPasswordPolicyChanged',
  'identity.password-campaign-created': 'audit.actions.identityPasswordCampaignCreated',
  'identity.password-campaign-launched': 'audit.actions.identityPasswordCampaignLaunched',
  'identity.password-campaign-reminded': 'audit.actions.identityPasswordCampaignReminded',
  'identity.password-campaign-closed': 'audit.actions.identityPasswordCampaignClosed',
  'identity.password-campaign-cancelled': 'audit.actions.identityPasswordCampaignCancelled',
  'identity.password-campaign-exported': 'audit.actions.identityPasswordCampaignExported',
  'identity.sessions-ended': 'audit.actions.identitySessionsEnded',
  'identity.mfa-reset': 'audit.actions.identityMfaReset',
  'identity.person.changed': 'audit.actions.identityPersonChanged',
  'identity.person.created': 'audit.actions.identityPersonCreated',
  'identity.person.id-card-revealed': 'audit.actions.identityPersonIdCardRevealed',
  'identity.position.assigned': 'audit.actions.identityPositionAssigned',
  'identity.position.ended': 'audit.actions.identityPositionEnded',
  'identity.session-ended': 'audit.actions.identitySessionEnded',
  'identity.throttle-lifted': 'audit.actions.identityThrottleLifted',
  'messaging.category-changed': 'audit.actions.messagingCategoryChanged',
  'messaging.channel-configured': 'audit.actions.messagingChannelConfigured',
  'messaging.inbox-read': 'audit.actions.messagingInboxRead',
  'messaging.inbox-read-all': 'audit.actions.messagingInboxReadAll',
  'messaging.message-sent': 'audit.actions.messagingMessageSent',
  'messaging.preferences-changed': 'audit.actions.messagingPreferencesChanged',
  'messaging.template-deleted': 'audit.actions.messagingTemplateDeleted',
  'messaging.template-saved': 'audit.actions.messagingTemplateSaved',
  'workflow.form-created': 'audit.actions.workflowFormCreated',
  'workflow.form-saved': 'audit.actions.workflowFormSaved',
  'workflow.form-published': 'audit.actions.workflowFormPublished',
  'workflow.form-imported': 'audit.actions.workflowFormImported',
  'hall.template-installed': 'audit.actions.hallTemplateInstalled',
  'workflow.file-uploaded': 'audit.actions.workflowFileUploaded',
  'hall.external-todo.pushed': 'audit.actions.hallExternalTodoPushed',
  'hall.external-todo.changed': 'audit.actions.hallExternalTodoChanged',
  'hall.external-todo.completed': 'audit.actions.hallExternalTodoCompleted',
  'hall.external-todo.withdrawn': 'audit.actions.hallExternalTodoWithdrawn',
  'workflow.calendar.create': 'audit.actions.workflowCalendarCreated',
  'workflow.calendar.update': 'audit.actions.workflowCalendarUpdated',
  'workflow.calendar.entry-add': 'audit.actions.workflowCalendarEntryAdded',
  'workflow.calendar.entry-remove': 'audit.actions.workflowCalendarEntryRemoved',
  'workflow.task.remind': 'audit.actions.workflowTaskReminded',
  'workflow.task.timeout-approve': 'audit.actions.workflowTaskTimeoutApproved',
  'workflow.task.timeout-reject': 'audit.actions.workflowTaskTimeoutRejected',
  'workflow.task.escalate': 'audit.actions.workflowTaskEscalated',

  'workflow.instance.migrate': 'audit.actions.workflowInstanceMigrated',
  'workflow.process.rollback': 'audit.actions.workflowProcessRolledBack',
  'hall.application.submit': 'audit.actions.hallApplicationSubmitted',
  'hall.application.withdraw': 'audit.actions.hallApplicationWithdrawn',
  'hall.application.resubmit': 'audit.actions.hallApplicationResubmitted',
  'hall.application.evaluate': 'audit.actions.hallApplicationEvaluated',
  'hall.draft.save': 'audit.actions.hallDraftSaved',
  'hall.room.created': 'audit.actions.hallRoomCreated',
  'hall.room.updated': 'audit.actions.hallRoomUpdated',
  'hall.draft.delete': 'audit.actions.hallDraftDeleted',
  'workflow.code-set.create': 'audit.actions.workflowCodeSetCreated',
  'workflow.code-set.update': 'audit.actions.workflowCodeSetUpdated',
  'workflow.code-set.replace': 'audit.actions.workflowCodeSetReplaced',
  'identity.directory.synced': 'audit.actions.identityDirectorySynced',
  'identity.password-reset': 'audit.actions.identityPasswordReset',
  'identity.password-reset-requested': 'audit.actions.identityPasswordResetRequested',
  'identity.people.imported': 'audit.actions.identityPeopleImported',
  'identity.self-registration.requested': 'audit.actions.identitySelfRegistrationRequested',
  'identity.self-registration.code-verified': 'audit.actions.identitySelfRegistrationCodeVerified',
  'identity.self-registration.created': 'audit.actions.identitySelfRegistrationCreated',
  'identity.self-registration.renewed': 'audit.actions.identitySelfRegistrationRenewed',
  'identity.self-registration.refused': 'audit.actions.identitySelfRegistrationRefused',
  'messaging.self-registration-code': 'audit.actions.messagingSelfRegistrationCode',
  'auth.step-up-passed': 'audit.actions.authStepUpPassed',
  'auth.step-up-failed': 'audit.actions.authStepUpFailed',
  'sso.step-up-required': 'audit.actions.ssoStepUpRequired',
  'hall.service.created': 'audit.actions.hallServiceCreated',
  'hall.service.updated': 'audit.actions.hallServiceUpdated',
  'hall.service.published': 'audit.actions.hallServicePublished',
  'hall.service.taken-offline': 'audit.actions.hallServiceTakenOffline',
  'hall.favourite.added': 'audit.actions.hallFavouriteAdded',
  'hall.favourite.removed': 'audit.actions.hallFavouriteRemoved',

  'identity.org-units.imported': 'audit.actions.identityOrgUnitsImported',
  'identity.positions.imported': 'audit.actions.identityPositionsImported',
  'identity.position.changed': 'audit.actions.identityPositionChanged',
  'identity.role.created': 'audit.actions.identityRoleCreated',
  'identity.role.deleted': 'audit.actions.identityRoleDeleted',
  'identity.role.granted': 'audit.actions.identityRoleGranted',
  'identity.role.granted-to-affiliation': 'audit.actions.identityRoleGrantedToAffiliation',
  'identity.role.granted-to-position': 'audit.actions.identityRoleGrantedToPosition',
  'identity.role.permissions-set': 'audit.actions.identityRolePermissionsSet',
  'identity.role.revoked': 'audit.actions.identityRoleRevoked',
  'identity.role.revoked-from-affiliation': 'audit.actions.identityRoleRevokedFromAffiliation',
  'identity.role.revoked-from-position': 'audit.actions.identityRoleRevokedFromPosition',
  // Single sign-on (labels in identity.json)
  'sso.cas.ticket-issued': 'identity.auditActions.casTicketIssued',
  'sso.cas.ticket-validated': 'identity.auditActions.casTicketValidated',
  'sso.cas.refused': 'identity.auditActions.casRefused',
  'sso.cas.single-logout': 'identity.auditActions.casSingleLogout',
  'sso.oidc.token-issued': 'identity.auditActions.oidcTokenIssued',
  'sso.oidc.refused': 'identity.auditActions.oidcRefused',
  'sso.consent.granted': 'identity.auditActions.consentGranted',
  'sso.consent.withdrawn': 'identity.auditActions.consentWithdrawn',
  'sso.app.registered': 'identity.auditActions.appRegistered',
  'sso.app.changed': 'identity.auditActions.appChanged',
  'sso.app.removed': 'identity.auditActions.appRemoved',
  'sso.app.secret-replaced': 'identity.auditActions.appSecretReplaced',
  'sso.signing-key.rotated': 'identity.auditActions.signingKeyRotated',
}

export const KNOWN_AUDIT_ACTIONS: readonly string[] = Object.keys(AUDIT_ACTION_KEYS)

/** Localized label of an audit action code, or the raw code when unknown. */
export function auditActionLabel(action: string): string {
  const key = AUDIT_ACTION_KEYS[action]
  return key ? translate(key) : action
}

/** Formats an ISO instant in the UI locale. */
export function formatDateTime(value: string, locale: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date)
}

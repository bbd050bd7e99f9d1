import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { useLocaleStore } from '@/stores/locale'
import {
  affiliationStatusLabel,
  affiliationStatusTag,
  affiliationTypeLabel,
  orgUnitTypeLabel,
} from '@/utils/labels'

/**
 * The signed-in person's affiliations, org units and roles with every label in the current
 * language; re-evaluated when the language changes. Shared by the home and profile pages.
 */
export function useLocalizedMe() {
  const { locale } = useI18n()
  const session = useSessionStore()
  const localeStore = useLocaleStore()
  const me = computed(() => session.me)

  const affiliations = computed(() => {
    void locale.value
    return (me.value?.affiliations ?? []).map((affiliation, index) => ({
      key: `${affiliation.type}-${affiliation.orgUnit.code}-${index}`,
      typeLabel: affiliationTypeLabel(affiliation.type),
      statusLabel: affiliationStatusLabel(affiliation.status),
      statusTag: affiliationStatusTag(affiliation.status),
      identifier: affiliation.identifier,
      orgUnit: localeStore.localName(affiliation.orgUnit.name, affiliation.orgUnit.nameEn),
      primary: affiliation.primary,
      startDate: affiliation.startDate,
      endDate: affiliation.endDate,
    }))
  })

  const orgUnits = computed(() => {
    void locale.value
    return (me.value?.orgUnits ?? []).map((unit) => ({
      code: unit.code,
      name: localeStore.localName(unit.name, unit.nameEn),
      typeLabel: orgUnitTypeLabel(unit.type),
    }))
  })

  const roles = computed(() =>
    (me.value?.roles ?? []).map((role) => ({ code: role.code, name: localeStore.localName(role.name, role.nameEn) })),
  )

  return { me, affiliations, orgUnits, roles }
}

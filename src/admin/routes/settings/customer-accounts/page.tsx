import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { AssistanceSessionsSection } from "../../../components/assistance/assistance-sessions-section"
import { SectionHeader } from "../../../components/common/section-header"
import { AutomaticGroupsSection } from "../../../components/customer-groups/automatic-groups-section"
import { DefaultGroupsSection } from "../../../components/customer-groups/default-groups-section"
import { ErasureRequestsSection } from "../../../components/customer-privacy/erasure-requests-section"
import { SecuritySettingsSection } from "../../../components/security-settings/security-settings-section"
import { StaffPermissionsSection } from "../../../components/staff-permissions/staff-permissions-section"

/**
 * Settings > Customer accounts: how customers join groups without an admin,
 * as a default group at sign-up or through a group's rules; the password
 * policy and failed-login lockout in force (read-only: plugin options); the
 * erasure requests customers made, which wait for an admin; and the assisted
 * shopping sessions running now (store staff signed in as customers).
 */
const CustomerAccountsSettingsPage = () => {
  const { t } = useTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <SectionHeader
          level="h1"
          title={t("customerAccounts.settings.title")}
          description={t("customerAccounts.settings.description")}
        />
        <DefaultGroupsSection />
      </Container>
      <AutomaticGroupsSection />
      <SecuritySettingsSection />
      <ErasureRequestsSection />
      <AssistanceSessionsSection />
      <StaffPermissionsSection />
    </div>
  )
}

export const config = defineRouteConfig({
  // A key of src/admin/i18n, which the dashboard merges into its
  // "translation" namespace: the sidebar reads it in the admin's language.
  label: "customerAccounts.settings.menuLabel",
  translationNs: "translation",
})

export default CustomerAccountsSettingsPage

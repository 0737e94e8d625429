import { Badge, Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { PasswordPolicySummary } from "../../../types/account-security"
import type {
  AdminLockoutLimits,
  AdminSecuritySettings,
} from "../../../types/security-settings"
import { usePasswordPolicy } from "../../hooks/password"
import { useSecuritySettings } from "../../hooks/security-settings"
import { toIntlLocale } from "../../lib/date-format"
import { formatDuration, formatDurationSteps } from "../../lib/duration"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"
import { SectionRow } from "../common/section-row"

/**
 * "Sign-in security" of the settings page: the password policy and the
 * failed-login lockout in force, read-only. Both are plugin options, so the
 * card says where they are changed instead of offering an Edit.
 */
export const SecuritySettingsSection = () => {
  const { t } = useTranslation()
  const policy = usePasswordPolicy()
  const settings = useSecuritySettings()

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.settings.security.title")}
        description={t("customerAccounts.settings.security.description")}
      />
      <div className="px-6 py-4">
        <Heading level="h3">
          {t("customerAccounts.settings.security.passwordPolicy.title")}
        </Heading>
      </div>
      {policy.policy ? (
        <PasswordPolicyRows
          policy={policy.policy}
          allowAdminSetPassword={policy.allowAdminSetPassword}
        />
      ) : policy.isError ? (
        <SectionLoadError
          title={t("customerAccounts.settings.security.loadError")}
          message={policy.error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => policy.refetch()}
        />
      ) : (
        <Loading />
      )}
      <div className="px-6 py-4">
        <Heading level="h3">
          {t("customerAccounts.settings.security.lockout.title")}
        </Heading>
      </div>
      {settings.securitySettings ? (
        <LockoutRows lockout={settings.securitySettings.lockout} />
      ) : settings.isError ? (
        <SectionLoadError
          title={t("customerAccounts.settings.security.loadError")}
          message={settings.error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => settings.refetch()}
        />
      ) : (
        <Loading />
      )}
    </Container>
  )
}

const Loading = () => (
  <div className="flex flex-col gap-y-2 px-6 py-4">
    <Skeleton className="h-5 w-1/3" />
    <Skeleton className="h-5 w-1/2" />
  </div>
)

/** A value of a read-only row. */
const Value = ({ children }: { children: string }) => (
  <Text size="small" leading="compact">
    {children}
  </Text>
)

const PasswordPolicyRows = ({
  policy,
  allowAdminSetPassword,
}: {
  policy: PasswordPolicySummary
  allowAdminSetPassword: boolean
}) => {
  const { t } = useTranslation()
  const key = "customerAccounts.settings.security.passwordPolicy"

  return (
    <>
      <SectionRow label={t(`${key}.length`)}>
        <Value>
          {t(`${key}.lengthValue`, { min: policy.min_length, max: policy.max_length })}
        </Value>
      </SectionRow>
      <SectionRow label={t(`${key}.minScore`)}>
        <Value>{t(`${key}.minScoreValue`, { score: policy.min_score })}</Value>
      </SectionRow>
      <SectionRow label={t(`${key}.commonPasswords`)}>
        <Value>{policy.deny_common_passwords ? t(`${key}.refused`) : t(`${key}.allowed`)}</Value>
      </SectionRow>
      <SectionRow label={t(`${key}.contextWords`)}>
        <Value>{policy.context_words ? t(`${key}.refused`) : t(`${key}.allowed`)}</Value>
      </SectionRow>
      <SectionRow label={t(`${key}.characterSet`)}>
        {policy.character_set_pattern ? (
          <Badge size="2xsmall" className="max-w-full break-all font-mono">
            {policy.character_set_pattern}
          </Badge>
        ) : (
          <Value>{t(`${key}.noRule`)}</Value>
        )}
      </SectionRow>
      <SectionRow label={t(`${key}.sequenceLimit`)}>
        <Value>
          {policy.sequence_limit === null
            ? t(`${key}.noRule`)
            : t(`${key}.sequenceLimitValue`, { count: policy.sequence_limit })}
        </Value>
      </SectionRow>
      <SectionRow label={t(`${key}.history`)}>
        <Value>
          {policy.history_size > 0
            ? t(`${key}.historyValue`, { count: policy.history_size })
            : t(`${key}.noRule`)}
        </Value>
      </SectionRow>
      <SectionRow label={t(`${key}.breachedPasswords`)}>
        <Value>{policy.breached_passwords ? t(`${key}.refused`) : t(`${key}.allowed`)}</Value>
      </SectionRow>
      <SectionRow label={t(`${key}.adminSetPassword`)}>
        <Value>
          {allowAdminSetPassword
            ? t(`${key}.adminSetPasswordOn`)
            : t(`${key}.adminSetPasswordOff`)}
        </Value>
      </SectionRow>
    </>
  )
}

const LockoutRows = ({
  lockout,
}: {
  lockout: AdminSecuritySettings["lockout"]
}) => {
  const { t, i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  const key = "customerAccounts.settings.security.lockout"
  const blocks = [lockout.customer, lockout.user]

  if (!lockout.enabled) {
    return <SectionNote>{t(`${key}.off`)}</SectionNote>
  }

  /** One row of the table: a cell per block (customers, Back Office users). */
  const row = (label: string, cell: (limits: AdminLockoutLimits) => string) => (
    <Table.Row>
      <Table.Cell className="text-ui-fg-subtle txt-compact-small-plus">{label}</Table.Cell>
      {blocks.map((limits, index) => (
        <Table.Cell key={index} className="whitespace-normal">
          {cell(limits)}
        </Table.Cell>
      ))}
    </Table.Row>
  )
  const never = t(`${key}.neverLocks`)

  return (
    <>
      <Table aria-label={t(`${key}.title`)}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t(`${key}.columns.setting`)}</Table.HeaderCell>
            <Table.HeaderCell>{t(`${key}.columns.customers`)}</Table.HeaderCell>
            <Table.HeaderCell>{t(`${key}.columns.users`)}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body className="[&_tr:last-child]:border-b-0">
          {row(t(`${key}.accountLock`), (limits) =>
            limits.locks_accounts
              ? t(`${key}.accountLockValue`, {
                  count: limits.max_attempts,
                  window: formatDuration(limits.window_seconds, locale),
                })
              : never
          )}
          {row(t(`${key}.lockDurations`), (limits) =>
            limits.locks_accounts
              ? formatDurationSteps(limits.lock_steps_seconds, locale)
              : never
          )}
          {row(t(`${key}.ipBlock`), (limits) =>
            t(`${key}.ipBlockValue`, {
              count: limits.ip_max_attempts,
              window: formatDuration(limits.window_seconds, locale),
              duration: formatDuration(limits.lock_seconds, locale),
            })
          )}
        </Table.Body>
      </Table>
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        {t(`${key}.stepsNote`)}
      </Text>
      <SectionRow label={t(`${key}.retention`)}>
        <Value>{formatDuration(lockout.retention_days * 86_400, locale)}</Value>
      </SectionRow>
      <SectionRow label={t(`${key}.clientIp`)}>
        <Value>
          {lockout.trusted_proxy_hops === null
            ? t(`${key}.clientIpDefault`)
            : lockout.trusted_proxy_hops === 0
              ? t(`${key}.clientIpSocket`)
              : t(`${key}.clientIpHops`, { count: lockout.trusted_proxy_hops })}
        </Value>
      </SectionRow>
    </>
  )
}

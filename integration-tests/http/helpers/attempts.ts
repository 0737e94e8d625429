import type AccountSecurityModuleService from "../../../src/modules/account-security/service"

/**
 * How many login attempts the log holds for `filters`: refused attempts are
 * counted per identifier, IP, route and minute (one row with a `count`), so
 * the rows' counts are summed, not the rows.
 */
export async function attemptsLogged(
  security: AccountSecurityModuleService,
  filters: Parameters<AccountSecurityModuleService["listLoginAttempts"]>[0] = {}
): Promise<number> {
  const rows = await security.listLoginAttempts(filters, { select: ["id", "count"] })
  return rows.reduce((sum, row) => sum + Number((row as { count?: number }).count ?? 1), 0)
}

/**
 * Data upgrades of the module's migrations, kept apart (Medusa loads every
 * file of migrations/ as a migration) so specs can run them on old rows.
 */

/** `email_domain` rules stored without `verified_only` get `false`: they matched every address until then. */
export const KEEP_OLD_EMAIL_DOMAIN_RULES_SQL = `
      update "customer_group_rule_set" set "rules" = (
        select jsonb_agg(
          case when rule->>'type' = 'email_domain' and (rule -> 'verified_only') is null
            then rule || '{"verified_only": false}'::jsonb else rule end
          order by position)
        from jsonb_array_elements("rules") with ordinality as listed(rule, position)
      )
      where jsonb_typeof("rules") = 'array' and "rules" @> '[{"type": "email_domain"}]'::jsonb;
`

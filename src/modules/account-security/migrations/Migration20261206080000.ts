import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * One identity per address (issue 21): the canonical-form claims of emailpass
 * identities, backfilled from Medusa's `provider_identity` (oldest identity
 * first; a look-alike pair keeps one claim, the report command lists the
 * pairs), and the attempt log's identity column (the lockout counts per
 * identity, exports and erasures find attempts by identity).
 *
 * The backfill's canonical form is lib/identity's `canonicalEmail` in SQL:
 * white space trimmed, NFC (PostgreSQL >= 13 on a UTF-8 database; otherwise
 * trimmed and lower-cased only), `lower()`. Skipped when Medusa's auth tables
 * do not exist yet (a fresh database: nothing to backfill).
 */
export class Migration20261206080000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "identity_claim" ("id" text not null, "canonical" text not null, "entity_id" text not null, "auth_identity_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "identity_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_identity_claim_deleted_at" ON "identity_claim" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_identity_claim_canonical_unique" ON "identity_claim" ("canonical") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_identity_claim_auth_identity_id" ON "identity_claim" ("auth_identity_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "login_attempt" add column if not exists "auth_identity_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_attempt_auth_identity_id_attempted_at" ON "login_attempt" ("auth_identity_id", "attempted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_attempt_customer_id" ON "login_attempt" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`do $$
      declare canonical_sql text;
      begin
        if to_regclass('public.provider_identity') is null then
          return;
        end if;
        canonical_sql := case when current_setting('server_encoding') = 'UTF8' and current_setting('server_version_num')::int >= 130000
          then 'lower(normalize(regexp_replace(p.entity_id, ''^\\s+|\\s+$'', '''', ''g''), NFC))'
          else 'lower(regexp_replace(p.entity_id, ''^\\s+|\\s+$'', '''', ''g''))' end;
        execute 'insert into identity_claim (id, canonical, entity_id, auth_identity_id, created_at, updated_at)
          select ''idcl_'' || md5(p.id), c.canonical, p.entity_id, p.auth_identity_id, p.created_at, now()
          from provider_identity p
          cross join lateral (select ' || canonical_sql || ' as canonical) c
          where p.provider = ''emailpass'' and p.deleted_at is null
          order by p.created_at, p.id
          on conflict (canonical) where deleted_at is null do nothing';
        -- Locks and counters move from the e-mail string to its identity, and
        -- logged attempts name it (the holder of their canonical form).
        update login_throttle t set key = c.auth_identity_id
          from identity_claim c
          where t.scope = 'identifier' and t.deleted_at is null and c.deleted_at is null
            and c.canonical = t.key and c.auth_identity_id is not null;
        update login_attempt a set auth_identity_id = c.auth_identity_id
          from identity_claim c
          where a.auth_identity_id is null and c.deleted_at is null and c.canonical = a.identifier;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_login_attempt_customer_id";`);
    this.addSql(`drop index if exists "IDX_login_attempt_auth_identity_id_attempted_at";`);
    this.addSql(`alter table if exists "login_attempt" drop column if exists "auth_identity_id";`);
    this.addSql(`drop table if exists "identity_claim" cascade;`);
  }

}

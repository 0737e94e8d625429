import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The account activity table, and the trigger that keeps it append-only:
 * UPDATE is always refused, DELETE only inside the retention job's
 * transaction (which sets `cam.account_activity_prune`).
 */
export class Migration20261130160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "account_activity" ("id" text not null, "customer_id" text null, "kind" text check ("kind" in ('security', 'profile', 'groups', 'notes')) not null, "type" text not null, "actor_type" text check ("actor_type" in ('customer', 'user', 'system', 'rule')) not null, "actor_id" text null, "ip" text null, "user_agent" text null, "data" jsonb null, "customer_visible" boolean not null default false, "source_key" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "account_activity_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_account_activity_customer_id_occurred_at_id" ON "account_activity" ("customer_id", "occurred_at", "id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_account_activity_customer_id_kind_customer_visible" ON "account_activity" ("customer_id", "kind", "customer_visible") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_activity_occurred_at" ON "account_activity" ("occurred_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_activity_deleted_at" ON "account_activity" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_account_activity_source_key_unique" ON "account_activity" ("source_key") WHERE source_key IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(`create or replace function cam_account_activity_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('cam.account_activity_prune', true) = 'on' then
    return old;
  end if;
  raise exception 'account_activity is append-only: % refused', tg_op using errcode = '42501';
end
$$;`)
    this.addSql(`drop trigger if exists "account_activity_append_only" on "account_activity";`)
    this.addSql(
      `create trigger "account_activity_append_only" before update or delete on "account_activity" for each row execute function cam_account_activity_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_activity" cascade;`)
    this.addSql(`drop function if exists cam_account_activity_append_only();`)
  }
}

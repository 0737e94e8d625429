import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Assisted shopping (issue 25): which sessions are assisted (by whom, why),
 * customers' consent, and the one-time codes (hashed) that start a session.
 */
export class Migration20261207050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "account_session" add column if not exists "assisted_by" text null;`);
    this.addSql(`alter table if exists "account_session" add column if not exists "assistance_reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_assisted_running" ON "account_session" ("ends_at") WHERE assisted_by IS NOT NULL AND revoked_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "assistance_consent" ("id" text not null, "customer_id" text not null, "granted_at" timestamptz not null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "assistance_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_consent_deleted_at" ON "assistance_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_assistance_consent_customer_id_unique" ON "assistance_consent" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "assistance_code" ("id" text not null, "code_hash" text not null, "customer_id" text not null, "auth_identity_id" text not null, "user_id" text not null, "user_session_id" text null, "reason" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "session_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "assistance_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_code_deleted_at" ON "assistance_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_assistance_code_code_hash_unique" ON "assistance_code" ("code_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_code_customer_id" ON "assistance_code" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assistance_code" cascade;`);
    this.addSql(`drop table if exists "assistance_consent" cascade;`);
    this.addSql(`drop index if exists "IDX_account_session_assisted_running";`);
    this.addSql(`alter table if exists "account_session" drop column if exists "assistance_reason";`);
    this.addSql(`alter table if exists "account_session" drop column if exists "assisted_by";`);
  }

}

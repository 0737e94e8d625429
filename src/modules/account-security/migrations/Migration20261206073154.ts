import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206073154 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "account_session_token" drop constraint if exists "account_session_token_token_hash_unique";`);
    this.addSql(`alter table if exists "account_session_cutoff" drop constraint if exists "account_session_cutoff_auth_identity_id_unique";`);
    this.addSql(`create table if not exists "account_session" ("id" text not null, "auth_identity_id" text not null, "actor_type" text not null, "method" text not null, "ip" text null, "user_agent" text null, "cookie" boolean not null default false, "refresh_count" integer not null default 0, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz null, "ends_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" text null, "revoked_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "account_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_deleted_at" ON "account_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_auth_identity_id" ON "account_session" ("auth_identity_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "account_session_cutoff" ("id" text not null, "auth_identity_id" text not null, "not_before" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "account_session_cutoff_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_cutoff_deleted_at" ON "account_session_cutoff" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_account_session_cutoff_auth_identity_id_unique" ON "account_session_cutoff" ("auth_identity_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "account_session_token" ("id" text not null, "token_hash" text not null, "session_id" text not null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "account_session_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_token_deleted_at" ON "account_session_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_account_session_token_token_hash_unique" ON "account_session_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_session_token_session_id" ON "account_session_token" ("session_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_session" cascade;`);

    this.addSql(`drop table if exists "account_session_cutoff" cascade;`);

    this.addSql(`drop table if exists "account_session_token" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127021433 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "security_counter" drop constraint if exists "security_counter_scope_key_unique";`);
    this.addSql(`alter table if exists "login_throttle" drop constraint if exists "login_throttle_scope_key_unique";`);
    this.addSql(`create table if not exists "login_attempt" ("id" text not null, "identifier" text not null, "customer_id" text null, "ip" text null, "user_agent" text null, "outcome" text check ("outcome" in ('success', 'failure', 'refused')) not null, "attempted_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "login_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_attempt_deleted_at" ON "login_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_attempt_identifier_attempted_at" ON "login_attempt" ("identifier", "attempted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_attempt_attempted_at" ON "login_attempt" ("attempted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "login_throttle" ("id" text not null, "scope" text check ("scope" in ('identifier', 'ip')) not null, "key" text not null, "attempts" integer not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, "lock_count" integer not null default 0, "last_locked_at" timestamptz null, "last_failed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "login_throttle_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_throttle_deleted_at" ON "login_throttle" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_login_throttle_scope_key_unique" ON "login_throttle" ("scope", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "password_history" ("id" text not null, "auth_identity_id" text not null, "hash" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "password_history_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_password_history_deleted_at" ON "password_history" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_password_history_auth_identity_id_created_at" ON "password_history" ("auth_identity_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "security_counter" ("id" text not null, "scope" text not null, "key" text not null, "count" integer not null default 0, "window_started_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "security_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_security_counter_deleted_at" ON "security_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_security_counter_scope_key_unique" ON "security_counter" ("scope", "key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "password_history" cascade;`);

    this.addSql(`drop table if exists "security_counter" cascade;`);
  }

}

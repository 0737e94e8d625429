import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127025412 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_group_rule_set" drop constraint if exists "customer_group_rule_set_customer_group_id_unique";`);
    this.addSql(`alter table if exists "customer_group_rule_membership" drop constraint if exists "customer_group_rule_membership_customer_group_id_customer_id_unique";`);
    this.addSql(`alter table if exists "customer_accounts_setting" drop constraint if exists "customer_accounts_setting_key_unique";`);
    this.addSql(`create table if not exists "customer_accounts_setting" ("id" text not null, "key" text not null, "value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_accounts_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_accounts_setting_deleted_at" ON "customer_accounts_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_accounts_setting_key_unique" ON "customer_accounts_setting" ("key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_group_rule_membership" ("id" text not null, "customer_group_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_group_rule_membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_deleted_at" ON "customer_group_rule_membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_customer_group_id_customer_id_unique" ON "customer_group_rule_membership" ("customer_group_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_customer_id" ON "customer_group_rule_membership" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_group_rule_set" ("id" text not null, "customer_group_id" text not null, "match" text check ("match" in ('all', 'any')) not null default 'all', "rules" jsonb not null, "last_run_at" timestamptz null, "last_run_added" integer null, "last_run_removed" integer null, "last_run_evaluated" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_group_rule_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_rule_set_deleted_at" ON "customer_group_rule_set" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_group_rule_set_customer_group_id_unique" ON "customer_group_rule_set" ("customer_group_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_accounts_setting" cascade;`);

    this.addSql(`drop table if exists "customer_group_rule_membership" cascade;`);

    this.addSql(`drop table if exists "customer_group_rule_set" cascade;`);
  }

}

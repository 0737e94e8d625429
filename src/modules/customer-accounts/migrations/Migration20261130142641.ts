import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130142641 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_accounts_setting" drop constraint if exists "customer_accounts_setting_key_unique";`);
    this.addSql(`create table if not exists "customer_accounts_setting" ("id" text not null, "key" text not null, "value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_accounts_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_accounts_setting_deleted_at" ON "customer_accounts_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_accounts_setting_key_unique" ON "customer_accounts_setting" ("key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_accounts_setting" cascade;`);
  }

}

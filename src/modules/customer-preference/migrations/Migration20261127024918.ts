import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127024918 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_preference" drop constraint if exists "customer_preference_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_preference" ("id" text not null, "customer_id" text not null, "locale" text null, "preferred_shipping_option_id" text null, "email_marketing" boolean not null default false, "email_marketing_updated_at" timestamptz null, "sms_marketing" boolean not null default false, "sms_marketing_updated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_preference_deleted_at" ON "customer_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_preference_customer_id_unique" ON "customer_preference" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_preference" cascade;`);
  }

}

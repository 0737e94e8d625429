import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261130200100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_privacy_request" ("id" text not null, "customer_id" text not null, "status" text check ("status" in ('requested', 'completed')) not null, "requested_at" timestamptz null, "completed_at" timestamptz null, "completed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_privacy_request_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_privacy_request_customer_id_unique" ON "customer_privacy_request" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_privacy_request_status" ON "customer_privacy_request" ("status") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_privacy_request_deleted_at" ON "customer_privacy_request" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_privacy_request" cascade;`)
  }
}

import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Staff permissions: grants per Back Office user and their audit trail. */
export class Migration20261207010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_accounts_staff_permission" (
      "id" text not null, "user_id" text not null, "capabilities" text[] not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "customer_accounts_staff_permission_pkey" primary key ("id"));`)
    this.addSql(
      `create unique index if not exists "IDX_customer_accounts_staff_permission_user_id_unique" on "customer_accounts_staff_permission" ("user_id") where deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_customer_accounts_staff_permission_deleted_at" on "customer_accounts_staff_permission" ("deleted_at") where deleted_at is null;`
    )
    this.addSql(`create table if not exists "customer_accounts_staff_permission_change" (
      "id" text not null, "user_id" text not null, "actor_id" text not null,
      "before" text[] not null, "after" text[] not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "customer_accounts_staff_permission_change_pkey" primary key ("id"));`)
    this.addSql(
      `create index if not exists "IDX_customer_accounts_staff_permission_change_user_id" on "customer_accounts_staff_permission_change" ("user_id") where deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_customer_accounts_staff_permission_change_created_at" on "customer_accounts_staff_permission_change" ("created_at") where deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_customer_accounts_staff_permission_change_deleted_at" on "customer_accounts_staff_permission_change" ("deleted_at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_accounts_staff_permission_change" cascade;`)
    this.addSql(`drop table if exists "customer_accounts_staff_permission" cascade;`)
  }
}

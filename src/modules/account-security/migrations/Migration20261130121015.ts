import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130121015 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "login_attempt" add column if not exists "actor_type" text null, add column if not exists "user_id" text null;`);

    this.addSql(`alter table if exists "login_throttle" add column if not exists "owner_kind" text check ("owner_kind" in ('customer', 'user')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "login_attempt" drop column if exists "actor_type", drop column if exists "user_id";`);

    this.addSql(`alter table if exists "login_throttle" drop column if exists "owner_kind";`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130121014 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" add column if not exists "is_system" boolean not null default false;`);
    // The audit notes earlier versions wrote for security actions.
    this.addSql(`update "customer_note" set "is_system" = true where "author_id" = 'system' or "body" ~ '^(Account locked until |Account unlocked by |Failed-login counters reset by |Login block on IP |Failed-login count of IP |Password reset link sent by |Password set by )';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" drop column if exists "is_system";`);
  }

}

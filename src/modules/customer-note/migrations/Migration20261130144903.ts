import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130144903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" add column if not exists "message" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" drop column if exists "message";`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The attempt log under attack (issue 22): refused attempts are aggregated
 * per identifier, identity, IP, route and minute, one row with a count,
 * instead of one row per request. The unique index is the upsert's target.
 */
export class Migration20261206220000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "login_attempt" add column if not exists "count" integer not null default 1;`);
    this.addSql(`alter table if exists "login_attempt" add column if not exists "last_attempted_at" timestamptz null;`);
    this.addSql(`alter table if exists "login_attempt" add column if not exists "bucket" timestamptz null;`);
    // Room in each page for an aggregate's new version: its count changes in
    // place (a HOT update, no index touched) instead of moving the row.
    this.addSql(`alter table if exists "login_attempt" set (fillfactor = 80);`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_login_attempt_refused_bucket" ON "login_attempt" ("identifier", (coalesce("auth_identity_id", '')), (coalesce("ip", '')), (coalesce("actor_type", '')), "bucket") WHERE outcome = 'refused' AND bucket IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_login_attempt_refused_bucket";`);
    this.addSql(`alter table if exists "login_attempt" reset (fillfactor);`);
    this.addSql(`alter table if exists "login_attempt" drop column if exists "bucket";`);
    this.addSql(`alter table if exists "login_attempt" drop column if exists "last_attempted_at";`);
    this.addSql(`alter table if exists "login_attempt" drop column if exists "count";`);
  }

}

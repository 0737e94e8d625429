import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Erasures get an in-between state (`erasing`) and the claim of the run that holds one. */
export class Migration20261201080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer_privacy_request" drop constraint if exists "customer_privacy_request_status_check";`)
    this.addSql(
      `alter table "customer_privacy_request" add constraint "customer_privacy_request_status_check" check ("status" in ('requested', 'erasing', 'completed'));`
    )
    this.addSql(
      `alter table "customer_privacy_request" add column if not exists "erasure_started_at" timestamptz null, add column if not exists "claimed_at" timestamptz null;`
    )
  }

  override async down(): Promise<void> {
    // An unfinished erasure waits for an admin again, as a request.
    this.addSql(
      `update "customer_privacy_request" set "status" = 'requested', "requested_at" = coalesce("requested_at", "erasure_started_at") where "status" = 'erasing';`
    )
    this.addSql(`alter table "customer_privacy_request" drop column if exists "erasure_started_at", drop column if exists "claimed_at";`)
    this.addSql(`alter table "customer_privacy_request" drop constraint if exists "customer_privacy_request_status_check";`)
    this.addSql(
      `alter table "customer_privacy_request" add constraint "customer_privacy_request_status_check" check ("status" in ('requested', 'completed'));`
    )
  }
}

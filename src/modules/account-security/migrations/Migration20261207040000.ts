import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Breached-password screening at login (issue 26): which identities must
 * change a password found in a data breach.
 */
export class Migration20261207040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "password_exposure" ("id" text not null, "auth_identity_id" text not null, "detected_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "password_exposure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_password_exposure_deleted_at" ON "password_exposure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_password_exposure_auth_identity_id_unique" ON "password_exposure" ("auth_identity_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "password_exposure" cascade;`);
  }

}

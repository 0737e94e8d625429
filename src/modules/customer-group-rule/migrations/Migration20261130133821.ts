import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130133821 extends Migration {

  override async up(): Promise<void> {
    // Rule-made memberships are now marked on Medusa's own membership rows
    // (created_by), in the write that makes them. Carry the old records over
    // (rows of the same database, when the customer module's table is there),
    // then drop them. A row whose pair an admin re-added after the rule made
    // it cannot be told apart here; it stays as the record said (automatic).
    this.addSql(`do $$ begin
      if to_regclass('customer_group_customer') is not null
         and to_regclass('customer_group_rule_membership') is not null then
        update customer_group_customer gc set created_by = 'customer-accounts:rule'
        from customer_group_rule_membership r
        where r.deleted_at is null and gc.deleted_at is null and gc.created_by is null
          and r.customer_id = gc.customer_id and r.customer_group_id = gc.customer_group_id;
      end if;
    end $$;`);
    this.addSql(`drop table if exists "customer_group_rule_membership" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table if not exists "customer_group_rule_membership" ("id" text not null, "customer_group_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_group_rule_membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_deleted_at" ON "customer_group_rule_membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_customer_group_id_customer_id_unique" ON "customer_group_rule_membership" ("customer_group_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_rule_membership_customer_id" ON "customer_group_rule_membership" ("customer_id") WHERE deleted_at IS NULL;`);
  }

}

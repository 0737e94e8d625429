import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Anonymization may erase what an entry says about the person (IP, user
 * agent, data), inside a transaction that sets `cam.account_activity_erase`;
 * the entry itself (what, who, when) stays as written. Everything else stays
 * refused.
 */
export class Migration20261130200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function cam_account_activity_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('cam.account_activity_prune', true) = 'on' then
    return old;
  end if;
  if tg_op = 'UPDATE' and current_setting('cam.account_activity_erase', true) = 'on'
    and new.id = old.id
    and new.customer_id is not distinct from old.customer_id
    and new.kind = old.kind
    and new.type = old.type
    and new.actor_type = old.actor_type
    and new.actor_id is not distinct from old.actor_id
    and new.occurred_at = old.occurred_at
    and new.source_key is not distinct from old.source_key
    and new.customer_visible = old.customer_visible
    and new.deleted_at is not distinct from old.deleted_at
    and new.ip is null and new.user_agent is null and new.data = '{}'::jsonb then
    return new;
  end if;
  raise exception 'account_activity is append-only: % refused', tg_op using errcode = '42501';
end
$$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function cam_account_activity_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('cam.account_activity_prune', true) = 'on' then
    return old;
  end if;
  raise exception 'account_activity is append-only: % refused', tg_op using errcode = '42501';
end
$$;`)
  }
}

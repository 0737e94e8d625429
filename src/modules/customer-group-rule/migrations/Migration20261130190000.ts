import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { KEEP_OLD_EMAIL_DOMAIN_RULES_SQL } from "../upgrades";

/**
 * `email_domain` rules gained `verified_only` (default true: only verified
 * addresses count). Rules saved before matched every address; they keep
 * doing so until the merchant turns it on, so no membership changes on
 * upgrade: each gets `verified_only: false` written in.
 */

export class Migration20261130190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(KEEP_OLD_EMAIL_DOMAIN_RULES_SQL);
  }

  override async down(): Promise<void> {
    // The flag is ignored by older code; the rules stay as written.
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * `customer_accounts_setting` moved to the `customerAccounts` module, which
 * owns the plugin's settings (its first migration creates the table when it
 * is not there yet). The table and its rows stay as they are: nothing to do
 * here, in either direction.
 */
export class Migration20261130142640 extends Migration {

  override async up(): Promise<void> {}

  override async down(): Promise<void> {}

}

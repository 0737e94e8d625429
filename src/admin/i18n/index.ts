import de from "./json/de.json"
import en from "./json/en.json"

/**
 * Translations of the plugin's admin extensions. The admin-vite-plugin picks up
 * this file (`src/admin/i18n/index.ts`) and the dashboard deep-merges its
 * default export into its own i18next resources, so the widgets read these
 * strings with `useTranslation()` under the `customerAccounts.*` keys.
 * The dashboard falls back to English for languages missing here.
 */
// Assigning to `typeof en` makes the typecheck fail when German lacks a key.
const deTranslation: typeof en = de

export default {
  en: {
    translation: en,
  },
  de: {
    translation: deTranslation,
  },
}

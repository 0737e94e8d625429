import "i18next"

import type en from "./json/en.json"

/**
 * Types `t()` in the admin extensions against the English file, so a typo in a
 * key fails the typecheck. At run time the dashboard's i18next instance holds
 * these keys merged with its own (see ./index.ts).
 */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation"
    resources: {
      translation: typeof en
    }
  }
}

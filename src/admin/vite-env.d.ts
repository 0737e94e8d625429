/// <reference types="vite/client" />

/** Environment variables the admin extensions read at build time. */
interface ImportMetaEnv {
  /** Backend URL when the admin is served apart from it; unset: same origin. */
  readonly VITE_BACKEND_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

/// <reference types="vite/client" />
/// <reference types="@connectgain/elements/vue" />

interface ImportMetaEnv {
  /** Base URL of the ConnectGain API (`npm start` serves it on http://localhost:8787). */
  readonly VITE_API_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

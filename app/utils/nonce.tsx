import { createContext, useContext } from "react";

/** The per-request CSP nonce, from the server adapter through entry.server into <Scripts>. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

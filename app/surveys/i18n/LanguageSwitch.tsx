import { LANGUAGE_NAMES, type FormLanguage } from "./languages";
import { useFormT } from "./i18n";

/**
 * Plain links (`?lang=xx`, keeping the resume token and page), so switching works without
 * JavaScript; each name is in its own language and marked with `lang` and `hreflang`.
 */
export function LanguageSwitch({
  current,
  languages,
  hrefFor,
}: {
  current: FormLanguage;
  languages: readonly FormLanguage[];
  hrefFor: (l: FormLanguage) => string;
}) {
  const t = useFormT();
  if (languages.length < 2) return null;
  return (
    <nav aria-label={t("language")} className="language-switch small">
      <span className="muted">{t("language")}: </span>
      {languages.map((l, i) => (
        <span key={l}>
          {i > 0 ? " · " : null}
          {l === current ? (
            <strong lang={l} aria-current="true">
              {LANGUAGE_NAMES[l]}
            </strong>
          ) : (
            <a href={hrefFor(l)} lang={l} hrefLang={l} data-testid={`lang-${l}`}>
              {LANGUAGE_NAMES[l]}
            </a>
          )}
        </span>
      ))}
    </nav>
  );
}

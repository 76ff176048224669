// A date field that reads and writes dates the way the chosen language does ("30/11/2026"
// in Italian, "30 Nov 2026" in English) whatever the browser's own locale, with a button that
// opens the browser's calendar. `value` and what `onChange` receives are YYYY-MM-DD; a typed
// date is taken on Enter or when the field loses focus, and one that is not a real date is
// said so next to the field, leaving `value` as it was.

import { useEffect, useRef, useState } from 'preact/hooks';
import { isCalendarDate, parseTypedDate, typedDate } from './format';
import { getLang, t } from './i18n';

export function DateField({
  id,
  value,
  max,
  onChange,
}: {
  id: string;
  value: string;
  max?: string;
  onChange: (value: string) => void;
}) {
  const lang = getLang();
  const [text, setText] = useState(typedDate(value));
  // Whether the text was typed since `value` last changed: only then does leaving the field
  // take it (the page moving the focus away must not put back the date it showed before).
  const [edited, setEdited] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(typedDate(value));
    setEdited(false);
    setInvalid(false);
  }, [value, lang]);

  const take = () => {
    if (!edited) return;
    const typed = parseTypedDate(text);
    if (!typed || (max && typed > max)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setEdited(false);
    if (typed === value) setText(typedDate(value));
    else onChange(typed);
  };
  const openCalendar = () => {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus();
    }
  };

  const errorId = `${id}-error`;
  return (
    <span class="date-field">
      <input
        id={id}
        type="text"
        value={text}
        size={11}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('date_field.placeholder')}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setEdited(true);
        }}
        onBlur={take}
        onKeyDown={(e) => {
          if (e.key === 'Enter') take();
          if (e.key === 'Escape') {
            setText(typedDate(value));
            setEdited(false);
            setInvalid(false);
          }
        }}
      />
      <button
        type="button"
        class="date-field-calendar"
        title={t('date_field.calendar')}
        aria-label={t('date_field.calendar')}
        onClick={openCalendar}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        class="date-field-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        max={max}
        onChange={(e) => {
          const picked = (e.target as HTMLInputElement).value;
          if (isCalendarDate(picked)) onChange(picked);
        }}
      />
      {invalid && (
        <span id={errorId} class="date-field-error" role="alert">
          {t('date_field.invalid', typedDate('2026-11-30'))}
        </span>
      )}
    </span>
  );
}

// gr.Dropdown: Gradio's filterable combobox — an <input role="combobox"> named by the label, a
// role="listbox" of role="option" items (data-testid="dropdown-option"), tokens for multiselect.
// The value is the choice's VALUE (choices are [label, value] pairs).

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, ChevronDown, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { choices as readChoices, num, str } from "../renderer/props";
import { CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./dropdown.css";

function sameChoice(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && typeof a === "object" && JSON.stringify(a) === JSON.stringify(b));
}

export function Dropdown({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const label = labelOf(props, "Dropdown");
  const choices = readChoices(props.choices);
  const names = choices.map((c) => c[0]);
  const values = choices.map((c) => c[1]);
  const multi = !!props.multiselect;
  const allowCustom = !!props.allow_custom_value;
  const filterable = props.filterable !== false;
  const disabled = props.interactive === false;
  const inputId = domId(store, id, "input");
  const listId = domId(store, id, "options");

  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const [text, setText] = useState("");
  const [filtering, setFiltering] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  // Set when a choice was just made, so the blur that follows does not commit the typed text as well.
  const chose = useRef(false);

  const indexOf = (v: unknown) => values.findIndex((x) => sameChoice(x, v));
  const selectedList = multi ? (Array.isArray(value) ? value : value == null ? [] : [value]) : [];
  const display = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    const i = indexOf(v);
    if (i >= 0) return names[i] ?? "";
    return allowCustom ? String(v) : "";
  };
  const shownText = multi ? text : focused ? text : display(value);

  const needle = filtering ? text.trim().toLowerCase() : "";
  const filtered: number[] = [];
  choices.forEach(([name], i) => {
    if (!needle || name.toLowerCase().includes(needle)) filtered.push(i);
  });

  // num_choices_shown (Gradio's default 100): the list draws that many matches, and more as it is scrolled
  // to the end or the keyboard moves past them (a list of thousands stays fast to open).
  const batch = props.num_choices_shown === null ? Infinity : Math.max(1, num(props.num_choices_shown, 100));
  const [shownCount, setShownCount] = useState(batch);
  useEffect(() => setShownCount(batch), [needle, open, batch]);
  const activePos = active === null ? -1 : filtered.indexOf(active);
  const visible = filtered.slice(0, Math.max(shownCount, activePos + 1));
  const onListScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 8 && visible.length < filtered.length) setShownCount(visible.length + batch);
  };

  const isSelected = (i: number) => (multi ? selectedList.some((v) => sameChoice(v, values[i])) : sameChoice(value, values[i]));

  function chooseSingle(i: number) {
    const v = values[i];
    setText(names[i] ?? "");
    setFiltering(false);
    setOpen(false);
    setActive(null);
    setValue(v);
    trigger("select", { index: i, value: v, selected: true });
    chose.current = true;
    inputRef.current?.blur();
  }

  function toggleMulti(i: number) {
    const v = values[i];
    const has = selectedList.some((x) => sameChoice(x, v));
    if (!has && typeof props.max_choices === "number" && selectedList.length >= props.max_choices) return;
    const next = has ? selectedList.filter((x) => !sameChoice(x, v)) : [...selectedList, v];
    setText("");
    setFiltering(false);
    setValue(next);
    trigger("select", { index: i, value: v, selected: !has });
  }

  function removeToken(v: unknown) {
    const i = indexOf(v);
    setValue(selectedList.filter((x) => !sameChoice(x, v)));
    trigger("select", { index: i, value: v, selected: false });
  }

  function choose(i: number) {
    if (multi) toggleMulti(i);
    else chooseSingle(i);
  }

  function onFocus() {
    if (disabled) return;
    setFocused(true);
    setFiltering(false);
    if (!multi) setText(display(value));
    const sel = multi ? null : indexOf(value);
    setActive(sel !== null && sel >= 0 ? sel : null);
    setOpen(true);
    trigger("focus");
  }

  function onBlur() {
    const skip = chose.current;
    chose.current = false;
    if (skip) {
      // nothing typed is left to commit
    } else if (!multi && allowCustom && filtering && text !== display(value)) {
      const i = names.indexOf(text);
      setValue(i >= 0 ? values[i] : text);
    } else if (multi && allowCustom && filtering && text.trim()) {
      const i = names.indexOf(text);
      const v = i >= 0 ? values[i] : text;
      if (!selectedList.some((x) => sameChoice(x, v))) setValue([...selectedList, v]);
    }
    setFocused(false);
    setOpen(false);
    setFiltering(false);
    setActive(null);
    setText("");
    trigger("blur");
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.isComposing) return;
    const list = filtered;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (!list.length) return;
      const pos = active === null ? -1 : list.indexOf(active);
      const next = e.key === "ArrowDown" ? Math.min(list.length - 1, pos + 1) : Math.max(0, pos === -1 ? list.length - 1 : pos - 1);
      setActive(list[next] ?? null);
    } else if (e.key === "Home" && open && list.length) {
      setActive(list[0] ?? null);
    } else if (e.key === "End" && open && list.length) {
      setActive(list.at(-1) ?? null);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active !== null && open) choose(active);
      else if (names.includes(text)) choose(names.indexOf(text));
      else if (allowCustom && text.trim()) {
        if (multi) {
          if (!selectedList.some((x) => sameChoice(x, text))) setValue([...selectedList, text]);
          setText("");
          setFiltering(false);
        } else {
          setValue(text);
          setFiltering(false);
          setOpen(false);
          chose.current = true;
          inputRef.current?.blur();
        }
      }
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(null);
    } else if (e.key === "Backspace" && multi && text === "" && selectedList.length) {
      removeToken(selectedList[selectedList.length - 1]);
    }
  }

  const activeId = open && active !== null ? `${listId}-option-${active}` : undefined;

  return (
    <div class="wb-dropdown container">
      {props.show_label !== false ? <CornerButtons buttons={readButtons(props.buttons)} store={store} /> : null}
      <label for={inputId} class="wb-dropdown-label">
        <BlockTitle show={props.show_label !== false} info={str(props.info)}>
          {label}
        </BlockTitle>
      </label>
      <div class={cx("wrap", focused && "focused", disabled && "disabled")} onMouseDown={(e) => {
        // Clicking the box (not the input) focuses the input, which opens the options.
        if (e.target !== inputRef.current && !disabled) {
          e.preventDefault();
          inputRef.current?.focus();
          setOpen(true);
        }
      }}>
        <div class="wrap-inner">
          {multi
            ? selectedList.map((v) => {
                const name = display(v) || String(v);
                return (
                  <div class="token" key={String(v)}>
                    <span>{name}</span>
                    {!disabled ? (
                      <div
                        class="token-remove"
                        role="button"
                        tabIndex={0}
                        title={`Remove ${name}`}
                        aria-label={`Remove ${name}`}
                        onMouseDown={(e) => {
                          e.preventDefault();
                          e.stopPropagation();
                          removeToken(v);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === "Enter" || e.key === " ") {
                            e.preventDefault();
                            removeToken(v);
                          }
                        }}
                      >
                        ×
                      </div>
                    ) : null}
                  </div>
                );
              })
            : null}
          <div class="secondary-wrap">
            <input
              ref={inputRef}
              id={inputId}
              role="combobox"
              aria-label={label}
              aria-controls={listId}
              aria-expanded={open && !disabled}
              aria-autocomplete={filterable ? "list" : "none"}
              aria-activedescendant={activeId}
              autoComplete="off"
              class={cx("border-none", !multi && !focused && value != null && !display(value) && "subdued")}
              value={shownText}
              disabled={disabled}
              readOnly={!filterable}
              placeholder={multi && selectedList.length ? "" : undefined}
              onFocus={onFocus}
              onBlur={onBlur}
              onClick={() => !disabled && setOpen(true)}
              onInput={(e) => {
                const t = (e.currentTarget as HTMLInputElement).value;
                setText(t);
                setFiltering(true);
                setOpen(true);
                const n = t.trim().toLowerCase();
                const first = choices.findIndex(([name]) => !n || name.toLowerCase().includes(n));
                setActive(first >= 0 ? first : null);
              }}
              onKeyDown={onKeyDown}
              onKeyUp={(e) => trigger("key_up", { key: e.key, input_value: (e.currentTarget as HTMLInputElement).value })}
            />
            {multi && selectedList.length && !disabled ? (
              <div
                class="token-remove remove-all"
                role="button"
                tabIndex={0}
                title="Clear"
                aria-label="Clear"
                onMouseDown={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  setValue([]);
                }}
              >
                ×
              </div>
            ) : null}
            {!disabled ? (
              <span class="icon-wrap" aria-hidden="true">
                <ChevronDown />
              </span>
            ) : null}
          </div>
        </div>
        {open && !disabled ? (
          <ul class="options" role="listbox" id={listId} aria-multiselectable={multi || undefined} onScroll={onListScroll}>
            {filtered.length === 0 ? (
              <li class="item empty" role="presentation">
                {allowCustom && text.trim() ? `Press Enter to use "${text.trim()}"` : "No matches"}
              </li>
            ) : (
              visible.map((i) => {
                const sel = isSelected(i);
                return (
                  <li
                    key={i}
                    id={`${listId}-option-${i}`}
                    class={cx("item", sel && "selected", active === i && "active")}
                    role="option"
                    aria-label={names[i]}
                    aria-selected={sel}
                    data-index={i}
                    data-value={String(values[i])}
                    data-testid="dropdown-option"
                    onMouseDown={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      choose(i);
                    }}
                    onMouseEnter={() => setActive(i)}
                  >
                    <span class={cx("inner-item", !sel && "hide")} aria-hidden="true">
                      ✓
                    </span>
                    {names[i]}
                  </li>
                );
              })
            )}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

// gr.Dialogue: one row per line (speaker picker, text, add/remove buttons with Gradio's testids), a "Plain
// Text" switch to edit the whole dialogue as formatted text, a tag menu opened by ":", copy and submit
// buttons. Formatting and reading text back into lines run in Python (the component's server functions).

import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, labelOf } from "../renderer/atoms";
import { cx, domId } from "../renderer/hooks";
import { isRecord, list, num, str, stringMap, strings } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { TagMenu, tagQuery, useTagMenu } from "./dialogue-tags";
import "./dialogue.css";

interface Line {
  speaker: string;
  text: string;
}

/** A custom gr.Button in buttons=: Python sends its id, its text and its icon's URL. */
interface CustomButton {
  id: number;
  value: string | null;
  icon: string | null;
}

function customButtons(v: unknown): CustomButton[] {
  return list(v).flatMap((b): CustomButton[] => {
    if (!isRecord(b) || typeof b.id !== "number") return [];
    const icon = isRecord(b.icon) ? str(b.icon.url) : str(b.icon);
    return [{ id: b.id, value: str(b.value) ?? null, icon: icon ?? null }];
  });
}

/** The text a format server function returned (anything else is not a formatted dialogue). */
function asText(v: unknown): string {
  if (typeof v !== "string") throw new Error("the formatter did not return text");
  return v;
}

// Gradio's default speaker colours (read-only dialogues), in speaker order.
const SPEAKER_COLORS = [
  "rgba(254, 202, 202, 0.7)", "rgba(209, 250, 229, 0.7)", "rgba(219, 234, 254, 0.7)", "rgba(254, 243, 199, 0.7)",
  "rgba(233, 213, 255, 0.7)", "rgba(204, 251, 241, 0.7)", "rgba(254, 215, 170, 0.7)", "rgba(207, 250, 254, 0.7)",
  "rgba(217, 249, 157, 0.7)", "rgba(252, 231, 243, 0.7)",
];

const CopyIcon = () => (
  <svg viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </svg>
);

const CheckIcon = () => (
  <svg viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" stroke-width="2.5" aria-hidden="true">
    <polyline points="20 6 9 17 4 12" />
  </svg>
);

function linesOf(value: unknown, speakers: string[]): Line[] {
  if (Array.isArray(value) && value.length) {
    return value.map((l: unknown) => ({
      speaker: isRecord(l) ? String(l.speaker ?? "") : "",
      text: isRecord(l) ? String(l.text ?? "") : "",
    }));
  }
  return [{ speaker: speakers[0] ?? "", text: "" }];
}

// Lines grow with their text (dialogue.css: field-sizing); where the browser lacks it, by measuring.
const SIZES_ITSELF = typeof CSS !== "undefined" && CSS.supports?.("field-sizing", "content");

function growTo(el: HTMLTextAreaElement | null): void {
  if (!el || SIZES_ITSELF) return;
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight + 2}px`;
}

export function Dialogue({ id, props, value, setValue, trigger, store }: ComponentProps) {
  const speakers = strings(props.speakers) ?? [];
  const tags = strings(props.tags) ?? [];
  const disabled = props.interactive === false;
  const mode = str(props.ui_mode, "both");
  const textOnly = mode === "text" || speakers.length === 0;
  const [plain, setPlain] = useState(textOnly || typeof value === "string");
  const [text, setText] = useState(typeof value === "string" ? value : "");
  const [busy, setBusy] = useState<null | "format" | "unformat">(null);
  const [copied, setCopied] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);
  // A read-only dialogue with no value shows no lines (as Gradio's); an editable one offers a first line.
  const lines = disabled && !(Array.isArray(value) && value.length) ? [] : linesOf(value, speakers);
  const tagsMenu = useTagMenu(tags);
  const areas = useRef<(HTMLTextAreaElement | null)[]>([]);
  const plainArea = useRef<HTMLTextAreaElement>(null);
  const call = (name: string, arg: unknown) => store.callServer(id, name, [arg]);
  const format = async (arg: unknown) => asText(await call("format", arg));

  // A formatter that raised is shown by the worker (a toast, as for event errors); the view stays as it was.
  const fail = (err: unknown) => console.warn(`wasmblocks: gr.Dialogue: ${err instanceof Error ? err.message : String(err)}`);

  // A new value from the app: a string opens the plain-text view; lines show as the text of that view too.
  useEffect(() => {
    if (typeof value === "string") {
      setText(value);
      setPlain(true);
    } else if (textOnly || plain) {
      if (Array.isArray(value) && value.length) format(value).then(setText, fail);
      else if (value === null) setText("");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useLayoutEffect(() => {
    areas.current.forEach(growTo);
  });

  // autoscroll: text the app sets shows its end, unless the person scrolled up to read or is typing there.
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = plainArea.current;
    if (el && props.autoscroll !== false && atEnd.current && document.activeElement !== el) el.scrollTop = el.scrollHeight;
  }, [text]);

  const edit = (next: Line[], typed: boolean) => store.setValue(id, next, typed);

  const updateLine = (i: number, change: Partial<Line>, typed: boolean) =>
    edit(lines.map((l, j) => (j === i ? { ...l, ...change } : l)), typed);

  const addLine = (i: number) => {
    edit([...lines.slice(0, i + 1), { speaker: speakers[0] ?? "", text: "" }, ...lines.slice(i + 1)], false);
    setTimeout(() => areas.current[i + 1]?.focus());
  };

  const switchView = async (toPlain: boolean) => {
    setBusy(toPlain ? "format" : "unformat");
    try {
      if (toPlain) setText(await format(lines));
      else edit(linesOf(await call("unformat", { text }), speakers), false);
      setPlain(toPlain);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (plain && !textOnly) {
      try {
        edit(linesOf(await call("unformat", { text }), speakers), false);
      } catch (err) {
        return fail(err);
      }
    }
    trigger("submit");
  };

  const copy = async () => {
    try {
      const formatted = typeof value === "string" ? value : await format(value ?? []);
      await navigator.clipboard?.writeText(formatted);
      setCopied(true);
      setTimeout(() => setCopied(false), 1000);
    } catch (err) {
      fail(err);
    }
  };

  /** A tag picked from the menu replaces the ":query" before the caret. */
  const insertTag = (tag: string, el: HTMLTextAreaElement, current: string, apply: (next: string) => void) => {
    const caret = el.selectionStart ?? current.length;
    const colon = current.lastIndexOf(":", caret - 1);
    if (colon < 0) return;
    const before = current.substring(0, colon);
    const next = `${before}${tag} ${current.substring(caret)}`;
    // The text and caret change in the element first: the re-render then finds the same text and leaves the
    // caret where it is, so keys typed right after land after the tag.
    const at = before.length + tag.length + 1;
    el.value = next;
    el.focus();
    el.setSelectionRange(at, at);
    apply(next);
    tagsMenu.close();
  };

  const keys = (e: KeyboardEvent, pick: (tag: string) => void) => {
    if (!tagsMenu.open) return;
    if (e.key === "Escape") tagsMenu.close();
    else if (e.key === "ArrowDown") tagsMenu.move(1);
    else if (e.key === "ArrowUp") tagsMenu.move(-1);
    else if (e.key === "Enter" && tagsMenu.active !== null) pick(tagsMenu.active);
    else return;
    e.preventDefault();
  };

  const colorOf = (speaker: string): string => {
    if (isRecord(props.color_map)) return stringMap(props.color_map)[speaker] ?? "transparent";
    const i = speakers.indexOf(speaker);
    return (i >= 0 ? SPEAKER_COLORS[i % SPEAKER_COLORS.length] : undefined) ?? "transparent";
  };

  const buttons = list(props.buttons);
  const custom = customButtons(props.buttons);
  const showLabel = props.show_label !== false;
  const maxLines = num(props.max_lines) ?? null;
  const placeholder = str(props.placeholder);
  const titleId = domId(store, id, "title");

  return (
    <div class={cx("wb-dialogue", props.container !== false && "container")} role="group" aria-labelledby={titleId}>
      {showLabel && buttons.length ? (
        <div class="dialogue-toolbar">
          {buttons.includes("copy") ? (
            <button type="button" class="icon-button" aria-label={copied ? "Copied" : "Copy"} title="Copy" onClick={copy}>
              {copied ? <CheckIcon /> : <CopyIcon />}
            </button>
          ) : null}
          {custom.map((b) => (
            <button type="button" class="icon-button custom" key={b.id} aria-label={b.value ?? undefined} onClick={() => store.trigger(b.id, "click")}>
              {b.icon ? <img src={b.icon} alt="" /> : null}
              {b.value}
            </button>
          ))}
        </div>
      ) : null}
      <BlockTitle show={showLabel} info={str(props.info)} id={titleId}>
        {labelOf(props, "Dialogue") || "Dialogue"}
      </BlockTitle>
      {mode === "both" && !textOnly ? (
        <div class="switch-row">
          <button
            type="button"
            role="switch"
            aria-checked={plain}
            disabled={busy !== null}
            onClick={() => void switchView(!plain)}
          >
            <span class="knob" />
          </button>
          <span>Plain Text</span>
        </div>
      ) : null}
      {!plain && !textOnly ? (
        <div class={cx("dialogue-container", busy && "loading")} data-testid="dialogue-container">
          {busy === "unformat" ? <div class="loading-overlay">Converting to dialogue format...</div> : null}
          {lines.map((line, i) => {
            const lit = disabled && (hovered === null || hovered === line.speaker);
            const bg = lit ? colorOf(line.speaker) : "transparent";
            return (
              <div class={cx("dialogue-line", bg !== "transparent" && "colored")} style={{ "--speaker-bg": bg }} key={i}>
                <div
                  class="speaker-column"
                  onMouseEnter={() => disabled && setHovered(line.speaker)}
                  onMouseLeave={() => disabled && setHovered(null)}
                >
                  {disabled ? (
                    <span class="speaker-name">{line.speaker}</span>
                  ) : (
                    <select aria-label={`Speaker of line ${i + 1}`} value={line.speaker} onChange={(e) => updateLine(i, { speaker: e.currentTarget.value }, false)}>
                      {!speakers.includes(line.speaker) ? <option value={line.speaker}>{line.speaker}</option> : null}
                      {speakers.map((s) => (
                        <option value={s} key={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
                <div class="text-column">
                  <textarea
                    ref={(el) => {
                      areas.current[i] = el;
                    }}
                    rows={1}
                    aria-label={`Line ${i + 1}`}
                    value={line.text}
                    placeholder={placeholder}
                    disabled={disabled}
                    autoFocus={i === 0 && !!props.autofocus}
                    onInput={(e) => {
                      const el = e.currentTarget;
                      updateLine(i, { text: el.value }, true);
                      tagsMenu.show(i, tagQuery(el.value, el.selectionStart ?? el.value.length));
                    }}
                    onKeyDown={(e) => keys(e, (tag) => insertTag(tag, e.currentTarget, line.text, (t) => updateLine(i, { text: t }, true)))}
                    onBlur={() => setTimeout(() => tagsMenu.openAt === i && tagsMenu.close(), 150)}
                  />
                  {tagsMenu.open && tagsMenu.openAt === i ? (
                    <TagMenu menu={tagsMenu} onPick={(tag) => areas.current[i] && insertTag(tag, areas.current[i]!, line.text, (t) => updateLine(i, { text: t }, true))} />
                  ) : null}
                </div>
                {!disabled && (maxLines === null || i < maxLines - 1) ? (
                  <button type="button" class="add-button" data-testid={`dialogue-add-button-${i}`} aria-label="Add new line" onClick={() => addLine(i)}>
                    +
                  </button>
                ) : null}
                {!disabled && i > 0 ? (
                  <button
                    type="button"
                    class="delete-button"
                    data-testid={`dialogue-delete-button-${i}`}
                    aria-label="Remove current line"
                    onClick={() => edit(lines.filter((_, j) => j !== i), false)}
                  >
                    ×
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : (
        <div class={cx("textarea-container", busy && "loading")}>
          {busy === "format" ? <div class="loading-overlay">Converting to plain text...</div> : null}
          <textarea
            ref={plainArea}
            data-testid="textbox"
            aria-labelledby={titleId}
            rows={5}
            value={text}
            placeholder={placeholder}
            disabled={disabled}
            autoFocus={!!props.autofocus}
            onInput={(e) => {
              const el = e.currentTarget;
              setText(el.value);
              setValue(el.value);
              tagsMenu.show(0, tagQuery(el.value, el.selectionStart ?? el.value.length));
            }}
            onKeyDown={(e) =>
              keys(e, (tag) =>
                insertTag(tag, e.currentTarget, text, (t) => {
                  setText(t);
                  setValue(t);
                }),
              )
            }
            onBlur={() => setTimeout(() => tagsMenu.close(), 150)}
            onScroll={(e) => {
              const el = e.currentTarget;
              atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
            }}
          />
          {tagsMenu.open ? (
            <TagMenu
              menu={tagsMenu}
              onPick={(tag) =>
                plainArea.current &&
                insertTag(tag, plainArea.current, text, (t) => {
                  setText(t);
                  setValue(t);
                })
              }
            />
          ) : null}
        </div>
      )}
      {props.submit_btn && !disabled ? (
        <div class="submit-row">
          <button
            type="button"
            class={cx("submit-button", typeof props.submit_btn === "string" && "with-text")}
            data-testid="dialogue-submit-button"
            aria-label={typeof props.submit_btn === "string" ? undefined : "Submit"}
            onClick={() => void submit()}
          >
            {typeof props.submit_btn === "string" ? props.submit_btn : "➤"}
          </button>
        </div>
      ) : null}
    </div>
  );
}

// gr.Chatbot: messages grouped by role, Markdown (markdown.tsx's renderer + enhance), files, thoughts, and
// Gradio's button panel (Copy message / Retry / Undo / Edit / Like / Dislike). Hooks as in Gradio's
// js/chatbot: data-testid="user" | "bot" on each message, role="log" on the scroller.

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { CONTAIN_PAINT, useContentScope } from "../renderer/content-scope";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CopyButton as CopyButtonLabelled, CornerButtons, readButtons } from "../renderer/corner-buttons";
import { isFileData } from "../client/files";
import { buttonIcon } from "./button";
import { enhance, renderMarkdown } from "./markdown";
import { isModelFile, ModelInMessage } from "./model3d";
import { isRecord, list, str, strings, type Props } from "../renderer/props";
import "../renderer/icon-buttons.css";
import "./markdown.css";
import "./chatbot.css";

/** A message as Chatbot.postprocess writes it (Gradio 6): `content` is a list of typed parts (chat_content.py). */
interface Message {
  role: "user" | "assistant" | "system";
  content: unknown;
  metadata?: Record<string, unknown> | null;
  options?: { value: string; label?: string }[] | null;
}

/** One part of a message's content: {type: "text", text} | {type: "file", file, alt_text} | {type: "component", …}. */
type Part = Record<string, unknown> & { type: string };

const isMessage = (m: unknown): m is Message => isRecord(m) && typeof m.role === "string" && (m.metadata == null || isRecord(m.metadata));

/** A message's parts; a bare string or {file} (what Gradio 5 sent) reads as one part. */
function partsOf(content: unknown): Part[] {
  const items = Array.isArray(content) ? content : [content];
  return items.flatMap((c): Part[] => {
    if (typeof c === "string") return [{ type: "text", text: c }];
    if (!isRecord(c)) return [];
    if (typeof c.type === "string") return [c as Part];
    return isRecord(c.file) ? [{ ...c, type: "file" }] : [];
  });
}

/** A file part's FileData (or a file-valued component part's, e.g. gr.Image(…) as content). */
const fileOf = (part: Part): Record<string, unknown> | null => {
  if (part.type === "file" && isRecord(part.file)) return part.file;
  if (part.type === "component") {
    let v = Array.isArray(part.value) && part.value.length === 1 ? part.value[0] : part.value;
    if (isRecord(v) && isFileData(v.video)) v = v.video; // gr.Video's value: {video, subtitles}
    if (isFileData(v)) return v as unknown as Record<string, unknown>;
  }
  return null;
};

/** One part of one message, shown as one bubble, as Gradio's normalised messages: its message's index. */
interface Item {
  role: Message["role"];
  metadata: Record<string, unknown>;
  options: { value: string; label?: string }[];
  index: number;
  part: Part;
}
/** Consecutive items of one role: never empty. */
type Group = [Item, ...Item[]];

const testId = (role: string) => (role === "user" ? "user" : "bot");

/** Items grouped as Gradio's group_messages: consecutive user/assistant items share a row; system ones are not shown. */
function groupItems(messages: Message[], grouped: boolean): Group[] {
  const groups: Group[] = [];
  messages.forEach((m, index) => {
    if (m.role !== "user" && m.role !== "assistant") return;
    for (const part of partsOf(m.content)) {
      const item: Item = { role: m.role, metadata: m.metadata ?? {}, options: m.options ?? [], index, part };
      const last = groups.at(-1);
      if (grouped && last && last[0].role === m.role) last.push(item);
      else groups.push([item]);
    }
  });
  return groups;
}

const textOfPart = (part: Part): string | null => (part.type === "text" ? str(part.text, "") : null);

function textOf(part: Part): string {
  return textOfPart(part) ?? str(fileOf(part)?.orig_name, "");
}

/** What like/retry/undo data carry for an item, as Gradio's page sends: the text, else the part itself. */
const contentOf = (part: Part): unknown => textOfPart(part) ?? part;

// A message's styles and boxes stay inside it (renderer/content-scope.ts): a block, so that it can contain them.
const MESSAGE_BOX = { display: "block", ...CONTAIN_PAINT };

function MarkdownText({ text, props }: { text: string; props: Props }) {
  const ref = useRef<HTMLSpanElement>(null);
  const scope = useContentScope();
  const html =
    props.render_markdown === false
      ? null
      : renderMarkdown(text, {
          sanitize: props.sanitize_html !== false,
          breaks: props.line_breaks !== false,
          headerLinks: false,
          delimiters: Array.isArray(props.latex_delimiters) ? props.latex_delimiters : undefined,
          scope: scope.selector,
          showTags: props.allow_tags === true ? true : (strings(props.allow_tags) ?? false),
        });
  useLayoutEffect(() => {
    if (ref.current) void enhance(ref.current).catch((err) => console.warn("wasmblocks: chat markdown", err));
  }, [html]);
  if (html === null) return <span class="md message-markdown-disabled">{text}</span>;
  return <span class="md prose" ref={ref} data-wb-scope={scope.id} style={MESSAGE_BOX} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The media kind a component part names ("image", "video", "audio"), else the file's MIME type's. */
function mediaKind(file: Record<string, unknown>, component?: string): string {
  if (component === "image" || component === "gallery") return "image";
  if (component === "video" || component === "audio") return component;
  const mime = str(file.mime_type, "");
  return mime.startsWith("image/") ? "image" : mime.startsWith("audio/") ? "audio" : mime.startsWith("video/") ? "video" : "";
}

function FileContent({ content, file, downloads, component, label }: {
  content: Record<string, unknown>; file: Record<string, unknown>; downloads: boolean; component?: string; label?: string;
}) {
  const url = str(file.url);
  const name = str(file.orig_name) ?? str(file.path) ?? "file";
  const alt = str(content.alt_text) ?? name;
  const kind = mediaKind(file, component);
  const media = kind === "image" ? (
    <img data-testid="chatbot-image" class="chat-image" src={url} alt={alt} />
  ) : kind === "audio" ? (
    <audio data-testid="chatbot-audio" controls preload="metadata" src={url} title={alt} />
  ) : kind === "video" ? (
    // A gr.Video as content: Gradio's player is data-testid="<label>-player".
    <video data-testid={label ? `${label}-player` : "chatbot-video"} controls preload="metadata" src={url} title={alt} />
  ) : null;
  // allow_file_downloads (default True): Gradio puts a download button on a message's image, audio or video.
  if (media)
    return downloads && url ? (
      <div class="chat-media">
        {media}
        <a class="icon-button chat-media-download" href={url} download={name} aria-label="Download" title="Download">
          <Icon d={ICONS.download} />
        </a>
      </div>
    ) : (
      media
    );
  // A gr.Model3D as message content (Gradio draws the component itself).
  if (isModelFile(name) && isFileData(file)) return <ModelInMessage file={file} />;
  return (
    <a data-testid="chatbot-file" class="file-pil" href={url} target="_blank" rel="noopener noreferrer" download={name}>
      {name}
    </a>
  );
}

function Content({ part, props }: { part: Part; props: Props }) {
  const text = textOfPart(part);
  if (text !== null) return <MarkdownText text={text} props={props} />;
  const downloads = props.allow_file_downloads !== false;
  const file = fileOf(part);
  const props_ = isRecord(part.props) ? part.props : {};
  if (file) return <FileContent content={part} file={file} downloads={downloads} component={str(part.component)} label={str(props_.label)} />;
  if (part.type === "component") {
    // gr.File / gr.Gallery as content: each file (a gallery's as Gradio's labelled thumbnails).
    const name = str(part.component);
    const files = list(part.value).map((v) => (isRecord(v) && !isFileData(v) ? (v.image ?? v.video) : v)).filter(isFileData);
    if (files.length)
      return (
        <div class="chat-files">
          {files.map((f, i) => {
            const shown = <FileContent content={{}} file={f as unknown as Record<string, unknown>} downloads={downloads} component={name} />;
            return name === "gallery" ? <span class="thumbnail-item" aria-label={`Thumbnail ${i + 1} of ${files.length}`}>{shown}</span> : shown;
          })}
        </div>
      );
    if (typeof part.value === "string") return <MarkdownText text={part.value} props={props} />;
  }
  return null;
}

/** A message with metadata.title: Gradio's collapsible "thought" (tool use, reasoning). */
function Thought({ item, props }: { item: Item; props: Props }) {
  const meta = item.metadata;
  const [open, setOpen] = useState(meta.status !== "done");
  const duration = typeof meta.duration === "number" ? `${meta.duration.toFixed(1)}s` : null;
  return (
    <div class="thought-group">
      <button type="button" class="title" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class={cx("arrow", open && "open")} aria-hidden="true">▶</span>
        <span class="title-text">{str(meta.title)}</span>
        {meta.status === "pending" ? <span class="loading-spinner" aria-label="pending" /> : null}
        {meta.log || duration ? <span class="duration">{[str(meta.log), duration].filter(Boolean).join(" ")}</span> : null}
      </button>
      {open ? (
        <div class="thought-content">
          <Content part={item.part} props={props} />
        </div>
      ) : null}
    </div>
  );
}

const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);
const ICONS = {
  copy: "M8 8h12v12H8zM4 16V4h12",
  download: "M12 4v12M6 10l6 6 6-6M4 20h16",
  check: "M5 12l5 5L20 7",
  retry: "M4 4v6h6M20 20v-6h-6M5.6 15A8 8 0 0 0 19 16M18.4 9A8 8 0 0 0 5 8",
  undo: "M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
  edit: "M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z",
  like: "M7 10v11M7 10l4-8a3 3 0 0 1 3 3v4h6a2 2 0 0 1 2 2l-2 8a2 2 0 0 1-2 2H7",
  dislike: "M17 14V3M17 14l-4 8a3 3 0 0 1-3-3v-4H4a2 2 0 0 1-2-2l2-8a2 2 0 0 1 2-2h11",
  clear: "M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14",
  cancel: "M6 6l12 12M18 6L6 18",
};

function IconButton({ label, icon, onClick, disabled, pressed }: { label: string; icon: string; onClick: () => void; disabled?: boolean; pressed?: boolean }) {
  return (
    <button type="button" class={cx("icon-button", pressed && "selected")} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <Icon d={icon} />
    </button>
  );
}

/** Chatbot(watermark=): appended to whatever the copy buttons put on the clipboard, as in Gradio. */
const watermarked = (text: string, watermark: unknown): string => (typeof watermark === "string" && watermark ? `${text}\n\n${watermark}` : text);

function CopyButton({ text, onCopy }: { text: string; onCopy: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <IconButton
      label={copied ? "Copied message" : "Copy message"}
      icon={copied ? ICONS.check : ICONS.copy}
      onClick={() => {
        navigator.clipboard?.writeText(text).catch(() => {});
        setCopied(true);
        onCopy();
        setTimeout(() => setCopied(false), 2000);
      }}
    />
  );
}

export function Chatbot({ props, value, setValue, trigger, status, store }: ComponentProps) {
  const messages = list(value).filter(isMessage);
  const buttons = readButtons(props.buttons);
  const grouped = props.group_consecutive_messages !== false;
  const groups = groupItems(messages, grouped);
  const items = groups.flat();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [feedback, setFeedback] = useState<Record<number, string | null>>({});
  // The group being edited and one text per item of it (Gradio's edit_messages), in the group's order.
  const [editing, setEditing] = useState<{ group: number; texts: string[]; widths: number[] } | null>(null);
  const generating = status?.stage === "pending" || status?.stage === "streaming";
  const options = strings(props.feedback_options) ?? [];
  const likeable = !!props.likeable && options.length > 0;
  // like_user_message=True: the user's messages get the feedback buttons too (Gradio shows them on bot ones only).
  const likes = (role: string) => likeable && (role === "bot" || !!props.like_user_message);
  // avatar_images: [user, bot], each a URL or a file Python sent.
  const [avatarUser, avatarBot] = [0, 1].map((i) => buttonIcon(list(props.avatar_images)[i]));

  // Autoscroll like Gradio: follow new content only while the reader is at (or near) the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && props.autoscroll !== false && stick.current) el.scrollTop = el.scrollHeight;
  });
  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
  };

  const lastGroup = groups.at(-1);
  const lastBot = lastGroup && lastGroup[0].role !== "user" ? groups.length - 1 : -1;
  const pending = generating && (items.length === 0 || items.at(-1)?.role === "user");
  // Gradio shows the options of the last reply below the conversation.
  const lastOptions = lastGroup && lastGroup[0].role === "assistant" ? (lastGroup.at(-1)?.options ?? []) : [];

  const like = (group: Group, choice: string) => {
    const first = group[0].index;
    const next = feedback[first] === choice ? null : choice;
    setFeedback({ ...feedback, [first]: next });
    // Clicking the chosen feedback again clears it and still tells Python: Gradio 6.31 sends liked "" then.
    const liked = next === "Like" ? true : next === "Dislike" ? false : (next ?? "");
    trigger("like", { index: first, value: group.map((m) => contentOf(m.part)), liked });
  };
  // Retry and undo name the user's last message, as Gradio's page does.
  const lastUser = () => {
    const m = items.filter((i) => i.role === "user").at(-1) ?? items[0];
    return m ? { index: m.index, value: contentOf(m.part) } : { index: 0, value: null };
  };
  // Each editor as wide as the message it replaces (Gradio measures them the same way, at least 160px).
  const startEdit = (g: number) => {
    const row = scroller.current?.querySelectorAll<HTMLElement>(".message-wrap > .message-row")[g];
    const widths = [...(row?.querySelectorAll<HTMLElement>(".flex-wrap > .message") ?? [])].map((el) => el.clientWidth);
    setEditing({ group: g, texts: groups[g]!.map((m) => textOfPart(m.part) ?? ""), widths });
  };
  // Gradio: each text message of the group becomes its edited text (its content now that one text part), and
  // each fires its own `edit`, with the message's index and the text before.
  const submitEdit = () => {
    if (!editing) return;
    const group = groups[editing.group];
    setEditing(null);
    if (!group) return;
    const edits = group.flatMap((m, k) => {
      const previous = textOfPart(m.part);
      return previous === null ? [] : [{ index: m.index, value: editing.texts[k] ?? "", previous_value: previous }];
    });
    const edited = new Map(edits.map((e) => [e.index, e.value]));
    setValue(messages.map((m, i) => (edited.has(i) ? { ...m, content: [{ text: edited.get(i), type: "text" }] } : m)));
    for (const e of edits) trigger("edit", e);
  };

  const style = { height: cssSize(props.height), maxHeight: cssSize(props.max_height), minHeight: cssSize(props.min_height) };
  const editable = props.editable;

  return (
    <div class={cx("wb-chatbot", props.layout === "panel" ? "panel" : "bubble")}>
      <BlockLabel show={props.show_label !== false} label={labelOf(props, "Chatbot")} />
      {items.length ? (
        <CornerButtons buttons={buttons} store={store} className="top-buttons">
          {buttons.has("copy_all") ? (
            <CopyButtonLabelled
              label="Copy conversation"
              copiedLabel="Copied conversation"
              text={() => watermarked(items.map((m) => `${m.role}: ${textOf(m.part)}`).join("\n\n"), props.watermark)}
            />
          ) : null}
          <IconButton label="Clear" icon={ICONS.clear} onClick={() => { setFeedback({}); setEditing(null); setValue([]); trigger("clear"); }} />
        </CornerButtons>
      ) : null}
      <div class="bubble-wrap" ref={scroller} onScroll={onScroll} role="log" aria-label="chatbot conversation" aria-live="polite" style={style}>
        {items.length === 0 ? (
          <div class="placeholder-content">
            {props.placeholder ? <MarkdownText text={String(props.placeholder)} props={props} /> : null}
            {Array.isArray(props.examples) && props.examples.length ? (
              <div class="examples">
                {props.examples.map((ex: unknown, i: number) => (
                  <button type="button" class="example" onClick={() => trigger("example_select", { index: i, value: ex })}
                          aria-label={`Select example ${i + 1}: ${isRecord(ex) ? (str(ex.display_text) ?? str(ex.text) ?? "") : ""}`}>
                    {isRecord(ex) && typeof ex.icon === "string" ? (
                      <div class="example-image-container">
                        <img class="example-image" src={ex.icon} alt="Example icon" />
                      </div>
                    ) : null}
                    <span class="example-text">{isRecord(ex) ? (str(ex.display_text) ?? str(ex.text)) : null}</span>
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
        <div class="message-wrap">
          {groups.map((group, g) => {
            const role = testId(group[0].role);
            const avatar = role === "user" ? avatarUser : avatarBot;
            const isLastBot = g === lastBot;
            const texts = group.map((m) => textOfPart(m.part));
            const text = texts.every((t) => t !== null) ? texts.join("\n") : "";
            const canEdit = editable === "all" || (editable === "user" && role === "user" && texts.at(-1) !== null);
            const inEdit = editing?.group === g;
            const chosen = feedback[group[0].index] ?? null;
            return (
              <div class={cx("message-row", `${role}-row`, avatar && "with_avatar")} key={`${group[0].index}-${g}`}>
                {avatar ? (
                  <div class="avatar-container">
                    <img class="avatar-image" src={avatar} alt={`${role} avatar`} />
                  </div>
                ) : null}
                <div class="flex-wrap">
                  {/* As Gradio's: a group is one bubble (div.message.bot) holding a div.message per item; without
                      grouping each item is its own bubble. Specs count ".bot.message" per bubble. */}
                  <div class={cx("message-group", grouped && "message", grouped && role, group.some((m) => m.part.type !== "text") && "component-wrap")}>
                  {group.map((m, k) => (
                    <div class={cx("message", !grouped && role, k > 0 && "thought", m.part.type !== "text" && "component")} key={k}>
                      {inEdit && texts[k] !== null ? (
                        <textarea
                          class="edit-textarea"
                          aria-label="Edit message"
                          value={editing.texts[k]}
                          style={{ width: `max(${editing.widths[k] ?? 0}px, 160px)` }}
                          autoFocus={k === 0}
                          onInput={(e) => {
                            const next = [...editing.texts];
                            next[k] = (e.currentTarget as HTMLTextAreaElement).value;
                            setEditing({ ...editing, texts: next });
                          }}
                        />
                      ) : (
                        <div data-testid={role} class={cx(g === groups.length - 1 && "latest")} dir={props.rtl ? "rtl" : "ltr"}
                             aria-label={`${role}'s message: ${textOf(m.part)}`}>
                          {m.metadata.title ? <Thought item={m} props={props} /> : <Content part={m.part} props={props} />}
                        </div>
                      )}
                    </div>
                  ))}
                  </div>
                  <div class={cx("message-buttons", role === "user" ? "message-buttons-right" : "message-buttons-left")}>
                    {inEdit ? (
                      <>
                        <IconButton label="Submit" icon={ICONS.check} onClick={submitEdit} disabled={generating} />
                        <IconButton label="Cancel" icon={ICONS.cancel} onClick={() => setEditing(null)} disabled={generating} />
                      </>
                    ) : (
                      <>
                        {buttons.has("copy") && text ? <CopyButton text={watermarked(text, props.watermark)} onCopy={() => trigger("copy", { index: group[0].index, value: text })} /> : null}
                        {isLastBot && props._retryable ? (
                          <IconButton label="Retry" icon={ICONS.retry} disabled={generating} onClick={() => trigger("retry", lastUser())} />
                        ) : null}
                        {isLastBot && props._undoable ? (
                          <IconButton label="Undo" icon={ICONS.undo} disabled={generating} onClick={() => trigger("undo", lastUser())} />
                        ) : null}
                        {canEdit ? <IconButton label="Edit" icon={ICONS.edit} disabled={generating} onClick={() => startEdit(g)} /> : null}
                        {likes(role) && options.includes("Dislike") ? (
                          <IconButton label={chosen === "Dislike" ? "Disliked" : "Dislike"} icon={ICONS.dislike}
                                      pressed={chosen === "Dislike"} onClick={() => like(group, "Dislike")} />
                        ) : null}
                        {likes(role) && options.includes("Like") ? (
                          <IconButton label={chosen === "Like" ? "Liked" : "Like"} icon={ICONS.like}
                                      pressed={chosen === "Like"} onClick={() => like(group, "Like")} />
                        ) : null}
                        {likes(role)
                          ? options.filter((o) => o !== "Like" && o !== "Dislike").map((o) => (
                              <button type="button" class={cx("extra-feedback-option", chosen === o && "selected")} onClick={() => like(group, o)}>
                                {o}
                              </button>
                            ))
                          : null}
                      </>
                    )}
                  </div>
                </div>
              </div>
            );
          })}
          {pending ? (
            <div class="message-row bot-row pending-row">
              <div class="message bot pending" role="status" aria-label="Loading response" aria-live="polite">
                <span class="dot-flashing" />
                <span class="dot-flashing" />
                <span class="dot-flashing" />
              </div>
            </div>
          ) : lastOptions.length ? (
            <div class="options">
              {lastOptions.map((o, i) => (
                <button type="button" class="option" onClick={() => trigger("option_select", { index: i, value: o.value })}>
                  {o.label || o.value}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

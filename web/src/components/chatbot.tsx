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

/** A message as Chatbot.postprocess writes it; `content` is text or {file, alt_text} (normalise_content). */
interface Message {
  role: "user" | "assistant" | "system";
  content: unknown;
  metadata?: Record<string, unknown>;
  options?: { value: string; label?: string }[];
}

const isMessage = (m: unknown): m is Message => isRecord(m) && typeof m.role === "string" && (m.metadata === undefined || m.metadata === null || isRecord(m.metadata));

/** A file message's content: {file: {url, mime_type, orig_name, path, …}, alt_text}. */
const fileOf = (content: unknown): Record<string, unknown> | null => (isRecord(content) && isRecord(content.file) ? content.file : null);

interface Indexed extends Message {
  index: number;
}
/** Consecutive messages of one role: never empty. */
type Group = [Indexed, ...Indexed[]];

const testId = (role: string) => (role === "user" ? "user" : "bot");

/** Consecutive messages of one role form one group (one bubble row, one button panel). */
function groupMessages(messages: Message[], grouped: boolean): Group[] {
  const groups: Group[] = [];
  messages.forEach((m, index) => {
    const last = groups.at(-1);
    if (grouped && last && last[0].role === m.role) last.push({ ...m, index });
    else groups.push([{ ...m, index }]);
  });
  return groups;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  return str(fileOf(content)?.orig_name, "");
}

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

function FileContent({ content, file, downloads }: { content: Record<string, unknown>; file: Record<string, unknown>; downloads: boolean }) {
  const mime = str(file.mime_type, "");
  const url = str(file.url);
  const name = str(file.orig_name) ?? str(file.path) ?? "file";
  const alt = str(content.alt_text) ?? name;
  const media = mime.startsWith("image/") ? (
    <img data-testid="chatbot-image" class="chat-image" src={url} alt={alt} />
  ) : mime.startsWith("audio/") ? (
    <audio data-testid="chatbot-audio" controls preload="metadata" src={url} title={alt} />
  ) : mime.startsWith("video/") ? (
    <video data-testid="chatbot-video" controls preload="metadata" src={url} title={alt} />
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

function Content({ message, props }: { message: Message; props: Props }) {
  const c = message.content;
  const file = fileOf(c);
  if (file && isRecord(c)) return <FileContent content={c} file={file} downloads={props.allow_file_downloads !== false} />;
  return <MarkdownText text={c == null ? "" : String(c)} props={props} />;
}

/** A message with metadata.title: Gradio's collapsible "thought" (tool use, reasoning). */
function Thought({ message, props }: { message: Message; props: Props }) {
  const meta = message.metadata ?? {};
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
          <Content message={message} props={props} />
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
  const groups = groupMessages(messages, props.group_consecutive_messages !== false);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [feedback, setFeedback] = useState<Record<number, string | null>>({});
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
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
  const pending = generating && (messages.length === 0 || messages.at(-1)?.role === "user");

  const like = (group: Group, choice: string) => {
    const first = group[0].index;
    const next = feedback[first] === choice ? null : choice;
    setFeedback({ ...feedback, [first]: next });
    if (next === null) return;
    const liked = next === "Like" ? true : next === "Dislike" ? false : next;
    trigger("like", { index: first, value: group.map((m) => m.content), liked });
  };
  const submitEdit = () => {
    if (!editing) return;
    const previous = messages[editing.index]?.content;
    const next = messages.map((m, i) => (i === editing.index ? { ...m, content: editing.text } : m));
    setEditing(null);
    if (previous === editing.text) return;
    setValue(next);
    trigger("edit", { index: editing.index, value: editing.text, previous_value: previous });
  };

  const style = { height: cssSize(props.height), maxHeight: cssSize(props.max_height), minHeight: cssSize(props.min_height) };
  const editable = props.editable;

  return (
    <div class={cx("wb-chatbot", props.layout === "panel" ? "panel" : "bubble")}>
      <BlockLabel show={props.show_label !== false} label={labelOf(props, "Chatbot")} />
      {messages.length ? (
        <CornerButtons buttons={buttons} store={store} className="top-buttons">
          {buttons.has("copy_all") ? (
            <CopyButtonLabelled
              label="Copy conversation"
              copiedLabel="Copied conversation"
              text={() => watermarked(messages.map((m) => `${m.role}: ${textOf(m.content)}`).join("\n\n"), props.watermark)}
            />
          ) : null}
          <IconButton label="Clear" icon={ICONS.clear} onClick={() => { setFeedback({}); setValue([]); trigger("clear"); }} />
        </CornerButtons>
      ) : null}
      <div class="bubble-wrap" ref={scroller} onScroll={onScroll} role="log" aria-label="chatbot conversation" aria-live="polite" style={style}>
        {messages.length === 0 ? (
          <div class="placeholder-content">
            {props.placeholder ? <MarkdownText text={String(props.placeholder)} props={props} /> : null}
            {Array.isArray(props.examples) && props.examples.length ? (
              <div class="examples">
                {props.examples.map((ex: unknown, i: number) => (
                  <button type="button" class="example" onClick={() => trigger("example_select", { index: i, value: ex })}>
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
            const text = group.every((m) => typeof m.content === "string") ? group.map((m) => m.content).join("\n") : "";
            const canEdit = (editable === "all" || (editable === "user" && role === "user")) && !!text;
            const inEdit = editing !== null && group.some((m) => m.index === editing.index);
            const chosen = feedback[group[0].index] ?? null;
            return (
              <div class={cx("message-row", `${role}-row`, avatar && "with_avatar")} key={group[0].index}>
                {avatar ? (
                  <div class="avatar-container">
                    <img class="avatar-image" src={avatar} alt={`${role} avatar`} />
                  </div>
                ) : null}
                <div class="flex-wrap">
                  {group.map((m, k) => (
                    <div class={cx("message", role, k > 0 && "thought", fileOf(m.content) && "component")} key={m.index}>
                      {inEdit && m.index === editing!.index ? (
                        <textarea
                          class="edit-textarea"
                          aria-label="Edit message"
                          value={editing!.text}
                          autoFocus
                          onInput={(e) => setEditing({ index: m.index, text: (e.currentTarget as HTMLTextAreaElement).value })}
                        />
                      ) : (
                        <div data-testid={role} class={cx(g === groups.length - 1 && "latest")} dir={props.rtl ? "rtl" : "ltr"}
                             aria-label={`${role}'s message: ${textOf(m.content)}`}>
                          {m.metadata?.title ? <Thought message={m} props={props} /> : <Content message={m} props={props} />}
                          {m.options?.length ? (
                            <div class="options">
                              {m.options.map((o, i) => (
                                <button type="button" class="option" onClick={() => trigger("option_select", { index: i, value: o.value })}>
                                  {o.label ?? o.value}
                                </button>
                              ))}
                            </div>
                          ) : null}
                        </div>
                      )}
                    </div>
                  ))}
                  <div class={cx("message-buttons", role === "user" ? "message-buttons-right" : "message-buttons-left")}>
                    {inEdit ? (
                      <>
                        <IconButton label="Submit" icon={ICONS.check} onClick={submitEdit} disabled={generating} />
                        <IconButton label="Cancel" icon={ICONS.clear} onClick={() => setEditing(null)} disabled={generating} />
                      </>
                    ) : (
                      <>
                        {buttons.has("copy") && text ? <CopyButton text={watermarked(text, props.watermark)} onCopy={() => trigger("copy", { index: group[0].index, value: text })} /> : null}
                        {isLastBot && props._retryable ? (
                          <IconButton label="Retry" icon={ICONS.retry} disabled={generating}
                                      onClick={() => trigger("retry", { index: group[0].index, value: group[0].content })} />
                        ) : null}
                        {isLastBot && props._undoable ? (
                          <IconButton label="Undo" icon={ICONS.undo} disabled={generating}
                                      onClick={() => trigger("undo", { index: group[0].index, value: group[0].content })} />
                        ) : null}
                        {canEdit ? (
                          <IconButton label="Edit" icon={ICONS.edit} disabled={generating}
                                      onClick={() => { const m = group.at(-1) ?? group[0]; setEditing({ index: m.index, text: String(m.content) }); }} />
                        ) : null}
                        {likes(role) && options.includes("Dislike") ? (
                          <IconButton label={chosen === "Dislike" ? "clicked dislike" : "Dislike"} icon={ICONS.dislike}
                                      pressed={chosen === "Dislike"} onClick={() => like(group, "Dislike")} />
                        ) : null}
                        {likes(role) && options.includes("Like") ? (
                          <IconButton label={chosen === "Like" ? "clicked like" : "Like"} icon={ICONS.like}
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
          ) : null}
        </div>
      </div>
    </div>
  );
}

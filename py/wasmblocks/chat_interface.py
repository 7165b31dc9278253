"""gr.ChatInterface: a chat app around `fn(message, history)`, built from Blocks (Chatbot, Textbox, buttons).

The wiring follows Gradio's: submit saves the message and clears the box, the user's message is shown at
once, then `fn` runs (streamed when it is a generator) and a Stop button cancels it.
"""

from __future__ import annotations

import dataclasses
import inspect
import os
from collections.abc import Callable
from typing import Any, ClassVar

from . import runtime
from .block_function import DEFAULT_LIMIT
from .blocks import Blocks
from .components.browser_state import BrowserState
from .components.button import Button
from .components.chatbot import Chatbot, ChatMessage
from .components.chatbot import _avatar as inline_image
from .components.dataset import Dataset
from .components.download_button import DownloadButton
from .components.json import JSON
from .components.markdown import Markdown
from .components.multimodal_textbox import MultimodalTextbox
from .components.state import State
from .components.textbox import Textbox
from .event_data import EditData, LikeData, RetryData, SelectData, UndoData
from .flagging import ChatCSVLogger, flagged_file
from .layouts.accordion import Accordion
from .layouts.column import Column
from .layouts.group import Group
from .layouts.row import Row
from .listeners import listen, on
from .updates import update


def response_messages(response: Any) -> list[Any]:
    """What fn returned (text, a message, a list of messages, a file or component) as assistant messages.

    As Gradio's _message_as_message_dict: a list is a list of replies, and every reply is the assistant's.
    """
    if response is None:
        return []
    if isinstance(response, list):
        return [m for r in response for m in response_messages(r)]
    if isinstance(response, ChatMessage):
        return [dataclasses.replace(response, role="assistant")]
    if isinstance(response, dict) and "content" in response:
        return [{**response, "role": "assistant"}]
    if isinstance(response, (int, float)) and not isinstance(response, bool):
        response = str(response)
    return [{"role": "assistant", "content": response}]


def user_messages(message: Any) -> list[dict[str, Any]]:
    """The user's turn as Gradio appends it: one message; a MultimodalTextbox value's content lists its files
    ({"path"}), then its text. Nothing to show, no message."""
    if isinstance(message, dict) and "content" not in message:
        content: list[Any] = [{"path": f.get("path") if isinstance(f, dict) else f}
                              for f in message.get("files") or []]
        if message.get("text"):
            content.append(message["text"])
        return [{"role": "user", "content": content}] if content else []
    if isinstance(message, dict):
        return [{**message, "role": "user"}]
    return [{"role": "user", "content": message}] if message not in (None, "") else []


def _example_entry(example: Any, multimodal: bool) -> tuple[Any, list[Any]]:
    """(message, additional input values) of one example; examples with extra inputs are lists."""
    values: list[Any] = []
    if isinstance(example, (list, tuple)):
        example, *values = example
    if multimodal and isinstance(example, str):
        example = {"text": example, "files": []}
    elif multimodal and isinstance(example, dict):
        # Gradio's _flatten_example_files: the message fn gets always has "files" (paths).
        files = [f.get("path") if isinstance(f, dict) else f for f in example.get("files") or []]
        example = {**example, "text": example.get("text") or "", "files": files}
    return example, values


def conversation_title(conversation: list[Any]) -> str:
    """Gradio's title of a saved conversation: its first user message's text (40 characters), 📎 per file."""
    title = ""
    for message in conversation:
        if isinstance(message, dict) and message.get("role") == "user":
            parts = message.get("content")
            parts = parts if isinstance(parts, list) else [parts]
            for part in parts:
                text = part if isinstance(part, str) else part.get("text") if isinstance(part, dict) and \
                    part.get("type") == "text" else None
                title += text if text is not None else "📎 "
            if any(isinstance(p, str) or (isinstance(p, dict) and p.get("type") == "text") for p in parts):
                break
        elif isinstance(message, (list, tuple)) and message and message[0]:  # tuples format
            title += str(message[0])
            break
    return title[:40] + "..." if len(title) > 40 else title or "Conversation"


class _ChatValue(JSON):
    """ChatInterface.chatbot_value: the conversation as other events set it (Gradio's hidden State), kept
    on the page so that a new value fires `change`, which shows it in the chatbot."""

    def postprocess(self, value: Any) -> Any:
        if isinstance(value, list):
            value = [dataclasses.asdict(m) if dataclasses.is_dataclass(m) and not isinstance(m, type) else m
                     for m in value]
        return super().postprocess(value)

    @classmethod
    def get_block_name(cls) -> str:
        return "json"


class ChatInterface(Blocks):
    """`gr.ChatInterface(fn)`: fn(message, history, *additional_inputs) returns or yields the reply."""

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "flagging_dir": "differs: a folder in the worker's file system, kept in the browser's IndexedDB "
                        "(per site); a 'Download flags' button hands out the CSV",
        "save_history": "differs: as in Gradio the conversations live in the browser's localStorage; "
                        "'New chat' and the history list are in a column beside the chat",
        "api_description": "no effect: there is no server API page to describe the endpoint on",
        "cache_mode": "differs: examples are computed when clicked (no server to cache on at start-up)",
    }

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        type: str = "messages",  # noqa: A002 - Gradio's parameter name
        chatbot: Chatbot | None = None,
        textbox: Textbox | MultimodalTextbox | None = None,
        additional_inputs: Any = None,
        additional_inputs_accordion: str | Accordion | None = None,
        additional_outputs: Any = None,
        editable: bool = False,
        examples: list[Any] | None = None,
        examples_label: str | None = "Examples",
        example_labels: list[str] | None = None,
        example_icons: list[str] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: Any = None,
        cache_mode: str | None = None,
        title: str | None = None,
        description: str | None = None,
        flagging_mode: str | None = None,
        flagging_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        flagging_dir: str = ".gradio/flagged",
        theme: Any = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        autofocus: bool = True,
        autoscroll: bool = True,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        concurrency_limit: int | str | None = DEFAULT_LIMIT,
        show_progress: str = "minimal",
        fill_height: bool = True,
        fill_width: bool = False,
        api_name: str | bool | None = None,
        api_description: str | bool | None = None,
        api_visibility: str = "public",
        save_history: bool = False,
        validator: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if not callable(fn):
            raise TypeError(f"ChatInterface needs a function fn(message, history), not {fn!r}")
        if type not in ("messages", "tuples"):
            raise ValueError(f"ChatInterface type must be 'messages' or 'tuples', not {type!r}")
        flagging_mode = flagging_mode if flagging_mode is not None else os.environ.get(
            "GRADIO_CHAT_FLAGGING_MODE", "never")
        if flagging_mode not in ("never", "manual"):
            raise ValueError(f"ChatInterface flagging_mode must be 'never' or 'manual', not {flagging_mode!r}")
        if api_visibility not in ("public", "private", "undocumented"):
            raise ValueError(f"ChatInterface api_visibility must be 'public', 'private' or 'undocumented', "
                             f"not {api_visibility!r}")
        super().__init__(title=title or "Gradio", theme=theme, css=css, js=js, head=head,
                         fill_height=fill_height, fill_width=fill_width, **kwargs)
        self.fn = fn
        self.multimodal = multimodal
        self.type = type
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.additional_inputs = self._as_list(additional_inputs)
        self.additional_outputs = self._as_list(additional_outputs)
        self.raw_examples = list(examples or [])
        self.examples = [_example_entry(e, multimodal) for e in self.raw_examples]
        self.examples_label = examples_label
        self.example_icons = example_icons
        self.cache_mode = cache_mode
        self.save_history = save_history
        self.validator = validator
        self.flagging_mode = flagging_mode
        self.flagging_options = list(flagging_options) if flagging_options else []
        self.flagging_dir = flagging_dir
        self.api_description = api_description
        self.api_visibility = api_visibility
        if example_icons is not None and len(example_icons) != len(self.examples):
            raise ValueError(f"ChatInterface got {len(self.examples)} examples but {len(example_icons)} example_icons")
        # Gradio: examples that give additional inputs values show as a gr.Examples table below the chat.
        self.examples_below = bool(self.additional_inputs) and any(
            any(v is not None for v in values) for _, values in self.examples)
        labels = example_labels or []
        with self:
            # Kept in the browser (localStorage), as Gradio keeps them, when save_history is on.
            self.saved_conversations = BrowserState([], storage_key=f"_saved_conversations_{self._id}")
            self.conversation_id = State(None)
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            if description:
                Markdown(description)
            if save_history:
                with Row():
                    with Column(scale=1, min_width=100):
                        self.new_chat_button = Button("New chat", variant="primary", size="md")
                        self.chat_history_dataset = Dataset(components=[Textbox(visible=False, render=False)],
                                                            show_label=False, layout="table", type="index", headers=[])
                    with Column(scale=6):
                        self._render_chat_area(chatbot, textbox, type, autoscroll, labels, editable, autofocus,
                                               submit_btn, stop_btn, additional_inputs_accordion)
            else:
                self._render_chat_area(chatbot, textbox, type, autoscroll, labels, editable, autofocus,
                                       submit_btn, stop_btn, additional_inputs_accordion)
            self.saved_input = State()
            # Gradio's handle for other events to set the conversation: an output to it shows in the chatbot.
            self.chatbot_value = _ChatValue(self.chatbot.value or [], visible=False)
            if api_name is None or api_name is True:
                api_name = getattr(fn, "__name__", "chat")
                api_name = "lambda" if api_name == "<lambda>" else api_name
            if api_visibility == "private":
                api_name = False
            self._wire(concurrency_limit, show_progress, api_name, run_examples_on_click)

    # ---- layout ----
    def _render_chat_area(self, chatbot: Any, textbox: Any, type: str, autoscroll: bool,  # noqa: A002
                          labels: list[str], editable: bool, autofocus: bool, submit_btn: Any, stop_btn: Any,
                          accordion: Any) -> None:
        self.chatbot = self._make_chatbot(chatbot, type, autoscroll, labels, editable)
        # Gradio 6: the Submit and Stop buttons sit inside the message box (its submit_btn / stop_btn); Stop
        # shows only while a reply is on its way.
        with Group(), Row():
            self.textbox = self._make_textbox(textbox, autofocus, submit_btn, stop_btn)
        self.submit_btn_value = self.textbox.submit_btn
        self.stop_btn_value = self.textbox.stop_btn
        self.textbox.stop_btn = False
        if self.examples_below:
            from .components.examples import Examples

            # Gradio shows these rows as they are: example_labels only name examples inside the chatbot.
            Examples([[m, *v] for m, v in self.examples], inputs=[self.textbox, *self.additional_inputs],
                     label=self.examples_label)
        if self.additional_inputs:
            self._render_additional_inputs(accordion)
        self.flag_download: DownloadButton | None = None
        if self.flagging_mode == "manual":
            # Not in Gradio, whose flags stay on the server: here they are the visitor's to take away.
            self.flag_download = DownloadButton("Download flags", visible=False, size="sm",
                                                elem_classes="wb-flag-download")

    @staticmethod
    def _as_list(blocks: Any) -> list[Any]:
        if blocks is None:
            return []
        return list(blocks) if isinstance(blocks, (list, tuple)) else [blocks]

    def _make_chatbot(
        self, chatbot: Chatbot | None, type: str, autoscroll: bool, labels: list[str], editable: bool  # noqa: A002
    ) -> Chatbot:
        icons = self.example_icons or []
        examples = None if self.examples_below else [
            {"text": m.get("text") if isinstance(m, dict) else str(m),
             "files": list(m.get("files") or []) if isinstance(m, dict) else [],
             "display_text": labels[i] if i < len(labels) else None,
             **({"icon": inline_image(icons[i])} if i < len(icons) and icons[i] else {})}
            for i, (m, _) in enumerate(self.examples)] or None
        feedback = self.flagging_options if self.flagging_mode == "manual" else ["Like", "Dislike"]
        if chatbot is None:
            return Chatbot(label="Chatbot", type=type, height=400, scale=1, autoscroll=autoscroll,
                           examples=examples, editable="user" if editable else None, feedback_options=feedback)
        if self.flagging_mode == "manual":
            chatbot.feedback_options = feedback
        if chatbot.type != type:
            raise ValueError(f"ChatInterface(type={type!r}) got a Chatbot of type {chatbot.type!r}")
        if examples and not chatbot.examples:
            chatbot.examples = examples
        if editable and not chatbot.editable:
            chatbot.editable = "user"
        return chatbot.render()

    def _make_textbox(self, textbox: Any, autofocus: bool, submit_btn: Any, stop_btn: Any) -> Any:
        if textbox is not None:
            if isinstance(textbox, MultimodalTextbox) != self.multimodal:
                raise ValueError(
                    "ChatInterface(multimodal=True) needs a gr.MultimodalTextbox, and a gr.Textbox otherwise"
                )
            textbox.show_label = False
            return textbox.render()
        kind = MultimodalTextbox if self.multimodal else Textbox
        extra: dict[str, Any] = {"file_count": "multiple"} if self.multimodal else {}
        return kind(show_label=False, label="Message", placeholder="Type a message...", scale=7,
                    autofocus=autofocus, submit_btn=submit_btn, stop_btn=stop_btn, **extra)

    def _render_additional_inputs(self, accordion: Any) -> None:
        if isinstance(accordion, Accordion):
            context = accordion
            if not accordion.is_rendered:
                accordion.render()
        else:
            context = Accordion(accordion or "Additional Inputs", open=False)
        with context:
            for block in self.additional_inputs:
                if not block.is_rendered:
                    block.render()

    # ---- events ----
    def _wire(self, limit: Any, show_progress: str, api_name: Any, run_examples: bool) -> None:
        chatbot, textbox, saved = self.chatbot, self.textbox, self.saved_input
        responder = self._responder()
        inputs = [saved, chatbot, *self.additional_inputs]
        outputs = [chatbot, *self.additional_outputs]
        respond_kwargs = {"concurrency_limit": limit, "show_progress": show_progress, "show_progress_on": [chatbot]}

        def after(reply: Any) -> None:
            """Once a reply is in: chatbot_value follows the chatbot, and the conversation is saved."""
            synced = reply.then(lambda h: h, [chatbot], [self.chatbot_value], queue=False, api_name=False)
            if self.save_history:
                synced.then(self._save_conversation, [self.conversation_id, chatbot, self.saved_conversations],
                            [self.conversation_id, self.saved_conversations], queue=False, api_name=False)

        def chain(first: Any) -> Any:
            """Show the user's message, run fn, then put the Stop button away (not after a failed validator=)."""
            shown = first.success(self._append_user, [saved, chatbot], [chatbot], queue=False, api_name=False)
            reply = shown.then(responder, inputs, outputs, api_name=False, **respond_kwargs)
            reply.then(self._idle, None, [textbox], queue=False, api_name=False)
            after(reply)
            return reply

        # The box's own Submit button fires its `submit`, as pressing Enter does. As Gradio, validator= checks the
        # message before anything else: an invalid one stays in the box, with the validator's message on it.
        submit_triggers = [textbox.submit]
        submitted = on(submit_triggers, self._clear_and_save, [textbox], [textbox, saved],
                       queue=False, api_name=False, validator=self.validator)
        replies = [chain(submitted)]
        retried = chatbot.retry(
            self._retry, [chatbot], [chatbot, saved, textbox], queue=False, api_name=False
        )
        replies.append(chain(retried))
        undone = chatbot.undo(self._undo, [chatbot], [chatbot, textbox], queue=False, api_name=False)
        after(undone)
        if chatbot.editable:
            edited = chatbot.edit(
                self._edit, [chatbot], [chatbot, saved, textbox], queue=False, api_name=False
            )
            replies.append(chain(edited))
        if self.examples and not self.examples_below:
            picked = chatbot.example_select(
                self._example,
                None,
                [saved, *self.additional_inputs, textbox],
                queue=False,
                api_name=False,
            )
            if run_examples:
                replies.append(chain(picked))
            else:
                picked.then(lambda s: s, [saved], [textbox], queue=False, api_name=False)
        self.chatbot_value.change(lambda h: h, [self.chatbot_value], [chatbot], queue=False, api_name=False)
        if self.save_history:
            self._wire_history()
        if self.flagging_mode == "manual":
            self._wire_flagging()
        cancel = [dict(r) for r in replies]
        textbox.stop(self._idle, None, [textbox], cancels=cancel, queue=False, api_name=False)
        # The API endpoint: message and history in, the reply out (no UI side effects).
        if api_name:
            listen(self, [], self._api(), [textbox, chatbot, *self.additional_inputs], [chatbot],
                   api_name=api_name if isinstance(api_name, str) else "chat", queue=False,
                   show_api=self.api_visibility == "public")

    # ---- saved conversations (save_history) ----
    def _wire_history(self) -> None:
        chatbot, saved, history = self.chatbot, self.saved_conversations, self.chat_history_dataset
        quiet: dict[str, Any] = {"queue": False, "api_name": False, "show_progress": "hidden"}
        self.new_chat_button.click(lambda: (None, []), None, [self.conversation_id, chatbot], **quiet)
        listen(self, [(self.root, "load"), (saved, "change")], self._history_titles, [saved], [history], **quiet)
        opened = history.click(list, None, [chatbot], **quiet)
        opened.then(self._load_conversation, [history, saved], [self.conversation_id, chatbot], **quiet)
        chatbot.clear(self._delete_conversation, [self.conversation_id, saved], [self.conversation_id, saved],
                      **quiet)

    def _save_conversation(self, index: int | None, conversation: list[Any], conversations: list[Any]) -> Any:
        """The conversation in its slot of the saved list (a new one goes first); returns (its index, the list)."""
        conversations = list(conversations or [])
        if not conversation:
            return index, conversations
        if index is not None and 0 <= index < len(conversations):
            conversations[index] = conversation
        else:
            conversations.insert(0, conversation)
            index = 0
        return index, conversations

    @staticmethod
    def _delete_conversation(index: int | None, conversations: list[Any]) -> tuple[None, list[Any]]:
        conversations = list(conversations or [])
        if index is not None and 0 <= index < len(conversations):
            conversations.pop(index)
        return None, conversations

    @staticmethod
    def _load_conversation(index: int, conversations: list[Any]) -> tuple[int, list[Any]]:
        return index, list((conversations or [])[index])

    def _history_titles(self, conversations: list[Any]) -> Any:
        return update(samples=[[conversation_title(c)] for c in conversations or [] if c])

    # ---- flagging (like/dislike on replies, saved as Gradio's chat CSV) ----
    def _wire_flagging(self) -> None:
        logger = ChatCSVLogger()
        logger.setup(self.flagging_dir)
        download = self.flag_download

        async def flag(messages: list[Any], data: LikeData) -> Any:
            await runtime.keep_directory(self.flagging_dir)
            logger.flag(data, messages)
            await runtime.save_kept()
            path = flagged_file(None, self.flagging_dir)
            return update(value=path, visible=True) if path else update()

        async def show_saved() -> Any:
            await runtime.keep_directory(self.flagging_dir)
            path = flagged_file(None, self.flagging_dir)
            return update(value=path, visible=True) if path else update()

        self.chatbot.like(flag, [self.chatbot], [download], queue=False, api_name=False)
        self.load(show_saved, None, [download], queue=False, api_name=False, show_progress="hidden")

    def _busy(self, **box: Any) -> Any:
        """The message box while fn runs, as Gradio's: read-only, its Submit button swapped for Stop."""
        return update(submit_btn=False, stop_btn=self.stop_btn_value, interactive=False, **box)

    def _idle(self) -> Any:
        return update(submit_btn=self.submit_btn_value, stop_btn=False, interactive=True)

    def _clear_and_save(self, message: Any) -> tuple[Any, Any]:
        empty = {"text": "", "files": []} if self.multimodal else ""
        return self._busy(value=empty), message

    def _append_user(self, message: Any, history: list[Any]) -> list[Any]:
        if self.type == "tuples":
            text = message.get("text") if isinstance(message, dict) else message
            return [*history, [text, None]]
        return [*history, *user_messages(message)]

    def _last_turn(self, history: list[Any]) -> tuple[list[Any], Any]:
        """History before the user's last turn, and that turn as fn's message (Gradio's _pop_last_user_message:
        the replies after it and its consecutive user messages go; their texts join, their files are FileData)."""
        empty: Any = {"text": "", "files": []} if self.multimodal else ""
        if not history:
            return history, empty
        if self.type == "tuples":
            return history[:-1], history[-1][0]
        i = len(history) - 1
        while i >= 0 and history[i]["role"] == "assistant":
            i -= 1
        while i >= 0 and history[i]["role"] == "user":
            i -= 1
        text, files = "", []
        for message in history[i + 1:]:
            if message["role"] != "user":
                continue
            for part in message["content"]:
                if part.get("type") == "file":
                    files.append(part["file"])
                elif part.get("type") == "text":
                    text += part["text"]
        return history[:i + 1], ({"text": text, "files": files} if self.multimodal else text)

    def _retry(self, history: list[Any], data: RetryData) -> tuple[Any, ...]:
        kept, message = self._last_turn(history)
        return kept, message, self._busy()

    def _undo(self, history: list[Any], data: UndoData) -> tuple[Any, Any]:
        return self._last_turn(history)

    def _edit(self, history: list[Any], data: EditData) -> tuple[Any, ...]:
        """Gradio's _edit_message: the conversation up to the edited message, which is sent again as edited.

        Gradio sends the edited text as the message even when multimodal; here a multimodal fn gets it as
        {"text", "files": []}, the shape it always gets."""
        index = data.index[0] if isinstance(data.index, (list, tuple)) else int(data.index or 0)
        if self.type == "tuples":
            return history[:index], data.value, self._busy()
        message = {"text": data.value, "files": []} if self.multimodal else data.value
        return history[:index], message, self._busy()

    def _example(self, data: SelectData) -> tuple[Any, ...]:
        index = data.index if isinstance(data.index, int) else 0
        message, values = self.examples[index]
        extra = [values[i] if i < len(values) else update() for i in range(len(self.additional_inputs))]
        return (message, *extra, self._busy())

    # ---- calling fn ----
    def _reply(self, history: list[Any], message: Any, response: Any) -> Any:
        """The chatbot's new value, plus additional outputs when fn returns them as a tuple."""
        extra: tuple[Any, ...] = ()
        if self.additional_outputs and isinstance(response, tuple):
            response, *rest = response
            extra = tuple(rest)
        if self.type == "tuples":
            text = message.get("text") if isinstance(message, dict) else message
            value = [*history, [text, response]]
        else:
            value = [*history, *user_messages(message), *response_messages(response)]
        return (value, *extra) if self.additional_outputs else value

    def _responder(self) -> Callable[..., Any]:
        """A wrapper of the kind fn is (plain, async, generator, async generator), so streaming works."""
        fn, reply = self.fn, self._reply

        def history_before(history: list[Any], message: Any) -> list[Any]:
            n = 1 if self.type == "tuples" else len(user_messages(message))
            return history[: len(history) - n] if n else history

        if inspect.isasyncgenfunction(fn):
            async def respond_async_stream(message, history, *args):
                before = history_before(history, message)
                async for response in fn(message, before, *args):
                    yield reply(before, message, response)
            return respond_async_stream
        if inspect.isgeneratorfunction(fn):
            def respond_stream(message, history, *args):
                before = history_before(history, message)
                for response in fn(message, before, *args):
                    yield reply(before, message, response)
            return respond_stream
        if inspect.iscoroutinefunction(fn):
            async def respond_async(message, history, *args):
                before = history_before(history, message)
                return reply(before, message, await fn(message, before, *args))
            return respond_async

        def respond(message, history, *args):
            before = history_before(history, message)
            return reply(before, message, fn(message, before, *args))
        return respond

    def _api(self) -> Callable[..., Any]:
        """`/chat`: fn's final reply for (message, history), for gr.Client-style calls."""
        fn = self.fn

        async def chat(message, history, *args):
            result = fn(message, history or [], *args)
            if inspect.isasyncgen(result):
                last = None
                async for last in result:  # noqa: B007 - only the last value counts
                    pass
                result = last
            elif inspect.isgenerator(result):
                last = None
                for last in result:  # noqa: B007 - only the last value counts
                    pass
                result = last
            elif inspect.isawaitable(result):
                result = await result
            return [*(history or []), *user_messages(message), *response_messages(result)]
        return chat

"""gr.ChatInterface: a chat app around `fn(message, history)`, built from Blocks (Chatbot, Textbox, buttons).

The wiring follows Gradio's: submit saves the message and clears the box, the user's message is shown at
once, then `fn` runs (streamed when it is a generator) and a Stop button cancels it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .block_function import DEFAULT_LIMIT
from .blocks import Blocks
from .components.button import Button
from .components.chatbot import Chatbot, ChatMessage
from .components.markdown import Markdown
from .components.multimodal_textbox import MultimodalTextbox
from .components.state import State
from .components.textbox import Textbox
from .event_data import EditData, RetryData, SelectData, UndoData
from .layouts.accordion import Accordion
from .layouts.row import Row
from .listeners import listen, on
from .updates import update


def response_messages(response: Any) -> list[Any]:
    """What fn returned (text, a message, a list of messages, a file or component) as assistant messages."""
    if response is None:
        return []
    if isinstance(response, ChatMessage):
        return [response]
    if isinstance(response, dict) and "content" in response:
        return [{"role": response.get("role", "assistant"), **response}]
    if isinstance(response, list) and response and all(isinstance(r, (dict, ChatMessage)) for r in response):
        return [m for r in response for m in response_messages(r)]
    if isinstance(response, (int, float)):
        response = str(response)
    return [{"role": "assistant", "content": response}]


def user_messages(message: Any) -> list[dict[str, Any]]:
    """The user's turn as chat messages: one per attached file, then the text."""
    if isinstance(message, dict):
        out = [{"role": "user", "content": {"path": path}} for path in message.get("files") or []]
        if message.get("text"):
            out.append({"role": "user", "content": message["text"]})
        return out
    return [{"role": "user", "content": message}] if message not in (None, "") else []


def _example_entry(example: Any, multimodal: bool) -> tuple[Any, list[Any]]:
    """(message, additional input values) of one example; examples with extra inputs are lists."""
    values: list[Any] = []
    if isinstance(example, (list, tuple)):
        example, *values = example
    if multimodal and isinstance(example, str):
        example = {"text": example, "files": []}
    return example, values


class ChatInterface(Blocks):
    """`gr.ChatInterface(fn)`: fn(message, history, *additional_inputs) returns or yields the reply."""

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
        example_labels: list[str] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: Any = None,
        title: str | None = None,
        description: str | None = None,
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
        api_name: str | bool = "chat",
        **kwargs: Any,
    ) -> None:
        if not callable(fn):
            raise TypeError(f"ChatInterface needs a function fn(message, history), not {fn!r}")
        if type not in ("messages", "tuples"):
            raise ValueError(f"ChatInterface type must be 'messages' or 'tuples', not {type!r}")
        super().__init__(title=title or "Gradio", theme=theme, css=css, js=js, head=head,
                         fill_height=fill_height, fill_width=fill_width, **kwargs)
        self.fn = fn
        self.multimodal = multimodal
        self.type = type
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.additional_inputs = self._as_list(additional_inputs)
        self.additional_outputs = self._as_list(additional_outputs)
        self.examples = [_example_entry(e, multimodal) for e in (examples or [])]
        labels = example_labels or []
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            if description:
                Markdown(description)
            self.chatbot = self._make_chatbot(chatbot, type, autoscroll, labels, editable)
            with Row():
                self.textbox = self._make_textbox(textbox, autofocus)
                self.submit_btn = Button("Submit" if submit_btn is True else (submit_btn or "Submit"),
                                         variant="primary", scale=1, min_width=150, visible=submit_btn is not False)
                self.stop_btn = Button("Stop" if stop_btn is True else (stop_btn or "Stop"), variant="stop",
                                       scale=1, min_width=150, visible=False)
            if self.additional_inputs:
                self._render_additional_inputs(additional_inputs_accordion)
            self.saved_input = State()
            self._wire(concurrency_limit, show_progress, api_name, stop_btn is not False, run_examples_on_click)

    # ---- layout ----
    @staticmethod
    def _as_list(blocks: Any) -> list[Any]:
        if blocks is None:
            return []
        return list(blocks) if isinstance(blocks, (list, tuple)) else [blocks]

    def _make_chatbot(
        self, chatbot: Chatbot | None, type: str, autoscroll: bool, labels: list[str], editable: bool  # noqa: A002
    ) -> Chatbot:
        examples = [{"text": m.get("text") if isinstance(m, dict) else str(m),
                     "files": list(m.get("files") or []) if isinstance(m, dict) else [],
                     "display_text": labels[i] if i < len(labels) else None}
                    for i, (m, _) in enumerate(self.examples)] or None
        if chatbot is None:
            return Chatbot(label="Chatbot", type=type, height=400, scale=1, autoscroll=autoscroll,
                           examples=examples, editable="user" if editable else None)
        if chatbot.type != type:
            raise ValueError(f"ChatInterface(type={type!r}) got a Chatbot of type {chatbot.type!r}")
        if examples and not chatbot.examples:
            chatbot.examples = examples
        if editable and not chatbot.editable:
            chatbot.editable = "user"
        return chatbot.render()

    def _make_textbox(self, textbox: Any, autofocus: bool) -> Any:
        if textbox is not None:
            if isinstance(textbox, MultimodalTextbox) != self.multimodal:
                raise ValueError(
                    "ChatInterface(multimodal=True) needs a gr.MultimodalTextbox, and a gr.Textbox otherwise"
                )
            return textbox.render()
        if self.multimodal:
            return MultimodalTextbox(show_label=False, label="Message", placeholder="Type a message...",
                                     scale=7, autofocus=autofocus, file_count="multiple", submit_btn=False)
        return Textbox(show_label=False, label="Message", placeholder="Type a message...", scale=7,
                       autofocus=autofocus, container=False)

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
    def _wire(self, limit: Any, show_progress: str, api_name: Any, has_stop: bool, run_examples: bool) -> None:
        chatbot, textbox, saved, stop = self.chatbot, self.textbox, self.saved_input, self.stop_btn
        responder = self._responder()
        inputs = [saved, chatbot, *self.additional_inputs]
        outputs = [chatbot, *self.additional_outputs]
        respond_kwargs = {"concurrency_limit": limit, "show_progress": show_progress, "show_progress_on": [chatbot]}
        show_stop = self.is_generator and has_stop

        def chain(first: Any) -> Any:
            """Show the user's message, run fn, then put the Stop button away."""
            shown = first.then(self._append_user, [saved, chatbot], [chatbot], queue=False, api_name=False)
            reply = shown.then(responder, inputs, outputs, api_name=False, **respond_kwargs)
            reply.then(self._idle, None, [stop, self.submit_btn], queue=False, api_name=False)
            return reply

        submitted = on([textbox.submit, self.submit_btn.click], self._clear_and_save, [textbox],
                       [textbox, saved, stop, self.submit_btn], queue=False, api_name=False)
        replies = [chain(submitted)]
        retried = chatbot.retry(
            self._retry, [chatbot], [chatbot, saved, stop, self.submit_btn], queue=False, api_name=False
        )
        replies.append(chain(retried))
        chatbot.undo(self._undo, [chatbot], [chatbot, textbox], queue=False, api_name=False)
        if chatbot.editable:
            edited = chatbot.edit(
                self._edit, [chatbot], [chatbot, saved, stop, self.submit_btn], queue=False, api_name=False
            )
            replies.append(chain(edited))
        if self.examples:
            picked = chatbot.example_select(
                self._example,
                None,
                [saved, *self.additional_inputs, stop, self.submit_btn],
                queue=False,
                api_name=False,
            )
            if run_examples:
                replies.append(chain(picked))
            else:
                picked.then(lambda s: s, [saved], [textbox], queue=False, api_name=False)
        cancel = [dict(r) for r in replies]
        stop.click(self._idle, None, [stop, self.submit_btn], cancels=cancel, queue=False, api_name=False)
        textbox.stop(self._idle, None, [stop, self.submit_btn], cancels=cancel, queue=False, api_name=False)
        self._show_stop = show_stop
        # The API endpoint: message and history in, the reply out (no UI side effects).
        if api_name:
            listen(self, [], self._api(), [textbox, chatbot, *self.additional_inputs], [chatbot],
                   api_name=api_name if isinstance(api_name, str) else "chat", queue=False)

    def _busy(self) -> tuple[Any, Any]:
        """(stop, submit) updates while fn runs: Stop shows only for streaming functions."""
        if self._show_stop:
            return update(visible=True), update(visible=False)
        return update(), update()

    def _idle(self) -> tuple[Any, Any]:
        return update(visible=False), update(visible=self.submit_btn.visible)

    def _clear_and_save(self, message: Any) -> tuple[Any, ...]:
        empty = {"text": "", "files": []} if self.multimodal else ""
        return (empty, message, *self._busy())

    def _append_user(self, message: Any, history: list[Any]) -> list[Any]:
        if self.type == "tuples":
            text = message.get("text") if isinstance(message, dict) else message
            return [*history, [text, None]]
        return [*history, *user_messages(message)]

    def _turn(self, history: list[Any], index: int | None = None) -> tuple[list[Any], Any]:
        """History before a user turn (the last, or the one holding message `index`) and that turn as fn's message."""
        if self.type == "tuples":
            cut = len(history) - 1 if index is None else index
            return history[:max(cut, 0)], history[cut][0] if 0 <= cut < len(history) else None
        users = [i for i, m in enumerate(history) if m["role"] == "user"]
        if index is None:
            if not users:
                return history, "" if not self.multimodal else {"text": "", "files": []}
            index = users[-1]
        start = index
        while start > 0 and history[start - 1]["role"] == "user":
            start -= 1
        end = index
        while end + 1 < len(history) and history[end + 1]["role"] == "user":
            end += 1
        turn = history[start:end + 1]
        text = "\n".join(m["content"] for m in turn if isinstance(m["content"], str))
        files = [m["content"]["path"] for m in turn if isinstance(m["content"], dict) and "path" in m["content"]]
        return history[:start], ({"text": text, "files": files} if self.multimodal else text)

    def _retry(self, history: list[Any], data: RetryData) -> tuple[Any, ...]:
        kept, message = self._turn(history)
        return (kept, message, *self._busy())

    def _undo(self, history: list[Any], data: UndoData) -> tuple[Any, Any]:
        kept, message = self._turn(history)
        return kept, message

    def _edit(self, history: list[Any], data: EditData) -> tuple[Any, ...]:
        """The page has already put the edited text into the history: rerun from that turn."""
        index = data.index if isinstance(data.index, int) else (data.index or [0])[0]
        kept, message = self._turn(history, index)
        return (kept, message, *self._busy())

    def _example(self, data: SelectData) -> tuple[Any, ...]:
        index = data.index if isinstance(data.index, int) else 0
        message, values = self.examples[index]
        extra = [values[i] if i < len(values) else update() for i in range(len(self.additional_inputs))]
        return (message, *extra, *self._busy())

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

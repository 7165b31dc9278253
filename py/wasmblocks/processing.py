"""Run one event: check and preprocess inputs, call the user's function (any kind), postprocess, emit."""

from __future__ import annotations

import asyncio
import functools
import inspect
import sys
import traceback
import typing
from collections.abc import AsyncIterator, Coroutine
from types import SimpleNamespace
from typing import Any

from . import packages, protocol, runtime
from .alerts import Error, EventContext, current_event
from .block import Block
from .block_function import BlockFunction
from .caching import current_session_hash
from .event_data import EventData
from .oauth import SIGN_IN_REQUIRED, oauth_kind
from .progress import Progress
from .session import Header, Request, Session
from .updates import is_update, split_returns, to_update
from .validators import validation_messages

_END = object()


def special_params(fn: Any) -> dict[str, Any]:
    """Parameters the engine fills itself: gr.Request, gr.EventData (and subclasses), gr.Progress defaults,
    gr.OAuthProfile / gr.OAuthToken (as the tuple oauth_kind gives).

    Cached per function: signature inspection is otherwise the costliest step of a small event.
    """
    try:
        return _cached_special_params(fn)
    except TypeError:  # an unhashable callable object
        return _inspect_special_params(fn)


def _inspect_special_params(fn: Any) -> dict[str, Any]:
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return {}
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # unresolvable string annotations: fall back to the raw ones
        hints = {}
    found: dict[str, Any] = {}
    for name, param in signature.parameters.items():
        annotation = hints.get(name, param.annotation)
        if isinstance(param.default, Progress):
            found[name] = Progress
        elif isinstance(annotation, type) and issubclass(annotation, (Request, EventData, Header)):
            found[name] = annotation
        elif (oauth := oauth_kind(annotation)) is not None:
            found[name] = oauth
    return found


_cached_special_params = functools.lru_cache(maxsize=1024)(_inspect_special_params)


def _with_props(fn: BlockFunction, block: Any, payload: Any) -> SimpleNamespace:
    """What `def f(a: gr.Audio)` gets, as in Gradio: the component's props (the page's, over the session's) with
    its preprocessed value, as attributes."""
    sent = payload if isinstance(payload, dict) else {"value": payload}
    props = {k: v for k, v in block.get_props().items() if k != "value"}
    props.update({k: v for k, v in sent.items() if isinstance(k, str) and k.isidentifier()})
    value = sent.get("value")
    props["value"] = block.preprocess(value) if fn.preprocess else value
    return SimpleNamespace(**props)


def preprocess_inputs(fn: BlockFunction, data: list[Any], session: Session) -> list[Any]:
    """The values the function receives, one per input; bad values raise Error naming the component."""
    if not isinstance(data, list) or len(data) != len(fn.inputs):
        got = len(data) if isinstance(data, list) else type(data).__name__
        raise Error(f"Event {fn.api_name or fn.id} expects {len(fn.inputs)} input values, got {got}")
    values: list[Any] = []
    with_props = fn.component_prop_inputs
    for i, (block, payload) in enumerate(zip(fn.inputs, data)):
        if getattr(block, "STATEFUL", False):
            values.append(session.get_state(block))
        elif i in with_props:
            values.append(_with_props(fn, session.configured(block), payload))
        elif fn.preprocess:
            values.append(session.configured(block).preprocess(payload))
        else:
            values.append(payload)
    return values


def call_arguments(
    fn: BlockFunction, values: list[Any], session: Session, event_data: Any, trigger: Any
) -> tuple[list[Any], dict[str, Any]]:
    """Positional input values plus the injected special parameters."""
    kwargs: dict[str, Any] = {}
    for name, kind in special_params(fn.fn).items():
        if kind is Progress:
            kwargs[name] = Progress()
        elif kind is Request:
            kwargs[name] = Request(_session=session)
        elif isinstance(kind, tuple):
            # No server, so no OAuth session: the visitor is never signed in (gr.LoginButton says so).
            if not kind[1]:
                raise Error(SIGN_IN_REQUIRED)
            kwargs[name] = None
        elif isinstance(kind, type) and issubclass(kind, Header):
            kwargs[name] = Request(_session=session).headers.get(name.replace("_", "-"))
        else:
            kwargs[name] = kind(trigger, event_data if isinstance(event_data, dict) else {})
    if fn.inputs_as_dict:
        return [dict(zip(fn.inputs, values))], kwargs
    if fn.batch:
        # One event is a batch of one: the function takes a list per input and returns a list per output.
        values = [[value] for value in values]
    if fn.input_keyword_names:
        # inputs_kwargs=: the trailing inputs are passed by parameter name (Gradio 6).
        split = len(values) - len(fn.input_keyword_names)
        kwargs.update(zip(fn.input_keyword_names, values[split:]))
        values = values[:split]
    return values, kwargs


def _output_pairs(fn: BlockFunction, result: Any) -> list[tuple[Any, Any]]:
    """(output block, what the function returned for it)."""
    name = fn.api_name or f"event {fn.id}"
    if fn.batch:
        # Gradio's batch contract: one list per output, e.g. `return [upper_words]` for one output.
        columns = list(result)
        result = tuple(column[0] for column in columns) if len(fn.outputs) > 1 else columns[0][0]
    return list(split_returns(fn.outputs, result, name))


def updates_for(fn: BlockFunction, result: Any, session: Session) -> list[protocol.Update]:
    pairs = _output_pairs(fn, result)
    return [u for u in (to_update(b, v, session, fn.postprocess) for b, v in pairs) if u is not None]


async def load_value_packages(fn: BlockFunction, session: Session, result: Any) -> None:
    """Load what postprocessing these returned values needs (`value_packages(value)`), before it runs.

    An output Image given a path needs neither numpy nor Pillow; one given an array needs Pillow to save
    it. A package that cannot be loaded fails the event with an error naming it.
    """
    if not fn.postprocess or not fn.outputs:
        return
    try:
        pairs = _output_pairs(fn, result)
    except Exception:  # a wrong number of returns: updates_for reports it
        return
    for block, returned in pairs:
        needs = getattr(session.configured(block), "value_packages", None)
        if needs is None:
            continue
        if isinstance(returned, Block):
            value = returned.explicit_props().get("value")
        else:
            value = returned.get("value") if is_update(returned) else returned
        wanted = needs(value)
        if wanted:
            await packages.ensure(wanted, block.display_name(), getattr(block, "PACKAGE_FALLBACK", ""))


async def _results(fn: BlockFunction, args: list[Any], kwargs: dict[str, Any]) -> AsyncIterator[Any]:
    """Yield each result of the function: once for plain ones, per step for generators."""
    func = fn.fn
    assert func is not None  # the page session only runs dependencies with a Python function
    if inspect.isasyncgenfunction(func):
        async for item in func(*args, **kwargs):
            yield item
    elif inspect.isgeneratorfunction(func):
        gen = func(*args, **kwargs)
        while (item := await runtime.run_blocking(next, gen, _END)) is not _END:
            yield item
    elif inspect.iscoroutinefunction(func):
        yield await func(*args, **kwargs)
    else:
        result = await runtime.run_blocking(func, *args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        yield result


async def _stream(
    fn: BlockFunction, args: list[Any], kwargs: dict[str, Any], session: Session, ctx: EventContext
) -> None:
    """Emit an update for each result as it comes (every yield of a generator)."""
    streamed = False
    async for result in _results(fn, args, kwargs):
        # Give the loop a turn before each emit: a sync generator step never awaits, so a cancel that
        # arrived during it is only delivered here — and the step's late result must not be shown.
        if fn.is_generator:
            await asyncio.sleep(0)
        await load_value_packages(fn, session, result)
        updates = updates_for(fn, result, session)
        if updates:
            ctx.emit(protocol.update_message(ctx.event_id, ctx.dep_id, updates))
        if fn.is_generator and not streamed:
            streamed = True
            ctx.stage = "streaming"
            ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, "streaming"))


async def load_needed_packages(fn: BlockFunction, session: Session, data: list[Any] | None = None) -> None:
    """Load the Pyodide packages (numpy, Pillow) this event's components need, before preprocessing.

    Components say what they need with `needed_packages(role)`; an input that cannot get its package
    fails the event with an error naming it, an output only tries (not every return value needs it).
    An empty media input (`data[i]` None, with EMPTY_NEEDS_NO_PACKAGES) needs none: it reaches the
    function as None, as on Gradio (blocks_xray's Run with no scan uploaded).
    """
    for role, blocks in (("input", fn.inputs), ("output", fn.outputs)):
        for i, block in enumerate(blocks):
            if (role == "input" and data is not None and i < len(data) and data[i] is None
                    and getattr(block, "EMPTY_NEEDS_NO_PACKAGES", False)):  # a gr.State has none
                continue
            needs = getattr(session.configured(block), "needed_packages", None)
            wanted = needs(role) if needs else []
            if not wanted:
                continue
            if role == "input":
                await packages.ensure(wanted, block.display_name(), getattr(block, "PACKAGE_FALLBACK", ""))
            else:
                await packages.try_ensure(wanted)


async def run_event(
    fn: BlockFunction, session: Session, ctx: EventContext, data: list[Any], event_data: Any = None, trigger: Any = None
) -> bool:
    """Run fn for one event and emit its updates and final status; True when it succeeded."""
    token = current_event.set(ctx)
    session_token = current_session_hash.set(session.hash)
    try:
        ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, "pending"))
        await load_needed_packages(fn, session, data)
        values = preprocess_inputs(fn, data, session)
        args, kwargs = call_arguments(fn, values, session, event_data, trigger)
        if fn.validator is not None and not await _validated(fn, args, kwargs, ctx):
            return False
        if fn.time_limit:
            await _within_time_limit(fn, _stream(fn, args, kwargs, session, ctx))
        else:
            await _stream(fn, args, kwargs, session, ctx)
        if ctx.before_end:
            ctx.before_end()
        ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, "complete", success=True))
        return True
    except Exception as exc:  # any error in user code becomes a toast; the app keeps serving
        report_error(exc, ctx)
        if ctx.before_end:
            ctx.before_end()
        ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, "error", success=False,
                                         message=error_message(exc, ctx.show_error)))
        return False
    finally:
        current_event.reset(token)
        current_session_hash.reset(session_token)


async def _validated(fn: BlockFunction, args: list[Any], kwargs: dict[str, Any], ctx: EventContext) -> bool:
    """Run the listener's validator: show each input's message (or clear an old one); False when any failed.

    As in Gradio, a failed validation ends the event in error with the messages, and no toast.
    """
    assert fn.validator is not None
    # The validator gets the inputs as fn does, inputs_kwargs= ones by name too (Gradio 6), and the special
    # parameters (gr.Request, …) its own signature asks for.
    wanted = {*special_params(fn.validator), *fn.input_keyword_names}
    result = fn.validator(*args, **{k: v for k, v in kwargs.items() if k in wanted})
    if inspect.isawaitable(result):
        result = await result
    messages = validation_messages(result, len(fn.inputs))
    shown = [(block, message) for block, message in zip(fn.inputs, messages) if not getattr(block, "STATEFUL", False)]
    if shown:  # a gr.State has no view to show a message on (the event still stops)
        ctx.emit(protocol.update_message(ctx.event_id, ctx.dep_id, [
            {"id": block.id, "props": {"validation_error": message}} for block, message in shown]))
    failed = [m for m in messages if m]
    if failed:
        ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, "error", success=False, message="; ".join(failed),
                                         validation_failed=True))
    return not failed


async def _within_time_limit(fn: BlockFunction, work: Coroutine[Any, Any, None]) -> None:
    """Run `work`, cancelled after fn.time_limit seconds with an Error that says so.

    Like asyncio.timeout, plus runtime.interrupt: a sync function sleeping in time.sleep wakes too. One
    that never yields (CPU-bound) cannot be reached here; the page ends the worker then (docs/events.md).
    """
    task = asyncio.current_task()
    assert task is not None and fn.time_limit is not None
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True
        task.cancel()
        runtime.interrupt(task)

    timer = asyncio.get_running_loop().call_later(fn.time_limit, expire)
    try:
        await work
    except asyncio.CancelledError:
        if expired and task.uncancel() == 0:
            raise Error(f"{fn.api_name or 'The event'} took longer than its time limit of {fn.time_limit} s") from None
        raise
    finally:
        timer.cancel()


def error_message(exc: BaseException, show_error: bool = True) -> str:
    """What the page shows for exc: a gr.Error's message; another exception's only with show_error, as
    Gradio's error_payload (launch(show_error=False), its default, keeps it in the console)."""
    if isinstance(exc, Error):
        return exc.message
    if not show_error:
        return ""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def report_error(exc: BaseException, ctx: EventContext) -> None:
    """Show an error toast for exc and print its traceback to the console."""
    if not isinstance(exc, Error) or exc.print_exception:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    if isinstance(exc, Error) and not exc.visible:
        return
    ctx.emit(protocol.toast_message(
        "error",
        error_message(exc, ctx.show_error),
        title=exc.title if isinstance(exc, Error) else "Error",
        duration=exc.duration if isinstance(exc, Error) else 10,
        event_id=ctx.event_id,
    ))


def server_function_arguments(fn: Any, args: list[Any]) -> list[Any]:
    """Gradio's rule for `server.fn(...args)`: one argument goes as it is, several as one list.

    Where Gradio would then fail — the function needs exactly that many positional parameters (or none) — they
    are passed one each, which is what such a call means.
    """
    if len(args) == 1:
        return args
    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name not in special_params(fn)]
    except (TypeError, ValueError):
        return [args]
    required = [p for p in params if p.default is p.empty]
    return args if len(required) == len(args) else [args]


async def call_server_function(fn: Any, args: list[Any], session: Session) -> Any:
    """Run one of a gr.HTML's server_functions for its js_on_load; its result goes back as JSON."""
    kwargs = {name: Request(_session=session) for name, kind in special_params(fn).items() if kind is Request}
    positional = server_function_arguments(fn, args)
    if inspect.iscoroutinefunction(fn):
        return await fn(*positional, **kwargs)
    result = await runtime.run_blocking(fn, *positional, **kwargs)
    return await result if inspect.isawaitable(result) else result

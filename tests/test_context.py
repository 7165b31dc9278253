"""Where new blocks go (context.py): the open layout and root Blocks, per thread and per asyncio task."""

import asyncio
import threading

import wasmblocks as gr
from wasmblocks.context import current_block, current_root
from wasmblocks.loop_thread import LoopThread


def test_with_opens_and_closes_even_on_an_error():
    assert current_block() is None and current_root() is None
    try:
        with gr.Blocks() as demo, gr.Row() as row:
            assert current_block() is row and current_root() is demo
            raise KeyError("boom")
    except KeyError:
        pass
    assert current_block() is None and current_root() is None


def test_another_thread_does_not_see_the_open_blocks():
    seen = []
    with gr.Blocks():
        thread = threading.Thread(target=lambda: seen.append((current_block(), current_root())))
        thread.start()
        thread.join()
    assert seen == [(None, None)]


def test_tasks_started_inside_a_layout_keep_their_own_changes():
    async def inside(row, gate):
        with row:
            await gate.wait()
            return current_block()

    async def main():
        gate = asyncio.Event()
        with gr.Blocks():
            one, two = gr.Row(), gr.Row()
        first = asyncio.ensure_future(inside(one, gate))
        second = asyncio.ensure_future(inside(two, gate))
        await asyncio.sleep(0)
        gate.set()
        return await first is one, await second is two, current_block() is None

    assert LoopThread().run(main()) == (True, True, True)

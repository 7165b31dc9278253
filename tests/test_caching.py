"""@gr.cache and gr.Cache (caching.py): results by input content, LRU limits, sessions, generators."""

import asyncio

import pytest

import wasmblocks as gr
from wasmblocks.caching import current_session_hash


def test_cache_returns_the_stored_result_for_equal_inputs_bound_with_defaults():
    calls = []

    @gr.cache
    def add(a, b=1):
        calls.append((a, b))
        return a + b

    assert add(1) == 2 and add(1, 1) == 2 and add(a=1, b=1) == 2 and add([1][0], b=1) == 2
    assert calls == [(1, 1)]
    assert add(2) == 3 and calls == [(1, 1), (2, 1)]
    assert len(add.cache) == 2


def test_content_not_identity_is_the_key_and_unhashable_inputs_are_refused():
    seen = []
    square = gr.cache(lambda xs: seen.append(xs) or [x * x for x in xs])
    assert square([1, 2]) == [1, 4] and square([1, 2]) == [1, 4] and len(seen) == 1
    assert square((1, 2)) == [1, 4] and len(seen) == 2  # a tuple is not the list it equals element-wise

    class Opaque:
        __slots__ = ()
        __hash__ = None  # type: ignore[assignment]

    with pytest.raises(TypeError, match="cannot hash"):
        square(Opaque())


def test_key_function_and_lru_eviction():
    calls = []

    @gr.cache(key=lambda kw: kw["prompt"], max_size=2)
    def gen(prompt, seed):
        calls.append(prompt)
        return f"{prompt}{seed}"

    assert gen("a", 1) == "a1" and gen("a", 2) == "a1"  # the key ignores seed
    gen("b", 0)
    gen("c", 0)  # evicts "a", the least recently used
    gen("a", 0)
    assert calls == ["a", "b", "c", "a"] and len(gen.cache) == 2


def test_max_memory_evicts_by_size():
    @gr.cache(max_size=0, max_memory="2kb")
    def blob(n):
        return b"x" * n

    for n in (1000, 1001, 1002):
        blob(n)
    assert len(blob.cache) < 3


def test_generators_replay_every_yield_and_async_functions_are_cached():
    runs = []

    @gr.cache
    def count(n):
        runs.append(n)
        yield from range(n)

    assert list(count(3)) == [0, 1, 2] and list(count(3)) == [0, 1, 2] and runs == [3]

    @gr.cache
    async def double(x):
        runs.append(x)
        return 2 * x

    assert asyncio.run(double(5)) == 10 and asyncio.run(double(5)) == 10 and runs == [3, 5]


def test_runtime_form_reuses_one_wrapper_and_rejects_a_value():
    def helper(x):
        return x

    assert gr.cache(helper) is gr.cache(helper)
    with pytest.raises(TypeError, match="expected a callable"):
        gr.cache(helper(1))


def test_per_session_caches_do_not_leak_between_sessions():
    calls = []

    @gr.cache(per_session=True)
    def who(x):
        calls.append(current_session_hash.get())
        return x

    for session in ("s1", "s1", "s2"):
        token = current_session_hash.set(session)
        who(1)
        current_session_hash.reset(token)
    assert calls == ["s1", "s2"]


def test_manual_cache_get_set_keys_clear():
    c = gr.Cache(max_size=2)
    assert c.get("k") is None
    c.set("k", forecast="sunny", n=1)
    assert c.get("k") == {"forecast": "sunny", "n": 1} and c.keys() == ["k"] and len(c) == 1
    c.set("j", v=1)
    c.set("i", v=2)
    assert c.get("k") is None and sorted(c.keys()) == ["i", "j"]
    c.clear()
    assert len(c) == 0


def test_a_cache_default_parameter_is_not_an_input_and_persists_across_events():
    runs = []

    def lookup(city, c=gr.Cache()):
        hit = c.get(city.strip().lower())
        if hit is not None:
            return hit["forecast"], "Cache hit"
        runs.append(city)
        c.set(city.strip().lower(), forecast=f"{city.strip()}: sunny")
        return f"{city.strip()}: sunny", "Computed and stored"

    with gr.Blocks() as demo:
        city, forecast, status = gr.Textbox(), gr.Textbox(), gr.Textbox()
        gr.Button().click(lookup, city, [forecast, status], api_name="lookup")
    assert demo(" Tokyo ", api_name="/lookup") == ("Tokyo: sunny", "Computed and stored")
    assert demo("tokyo", api_name="/lookup") == ("Tokyo: sunny", "Cache hit") and runs == [" Tokyo "]

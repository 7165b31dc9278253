"""The worker refuses malformed page messages with a clear error and keeps serving (real worker, real browser).

Part of the security suite (docs/security.md): no page message kills the app, whatever it holds. The Python
half of the fuzzing is tests/test_message_fuzz.py (hypothesis); here a seeded generator drives the real worker.
"""

import textwrap

import pytest
from playwright.sync_api import expect

DRIVE_WORKER = """async () => {
  const base = new URL('.', location.href).href;
  const worker = new Worker(new URL('assets/worker.js', base), { type: 'module' });
  const seen = [];
  const waitFor = (pred) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out; saw ' + JSON.stringify(seen))), 30000);
    const check = () => { const hit = seen.find(pred); if (hit) { clearTimeout(timer); resolve(hit); } else setTimeout(check, 20); };
    check();
  });
  worker.onmessage = (e) => seen.push(e.data);
  worker.postMessage({ type: 'init', base_url: base, session_hash: 'probe', url: location.href });
  const tree = await waitFor((m) => m.type === 'tree');
  const dep = tree.config.dependencies.find((d) => d.backend_fn);
  worker.postMessage('not an object');
  worker.postMessage({ type: 'launch_missiles' });
  worker.postMessage({ type: 'event', event_id: 'ghost', dep_id: 999, trigger_id: null, event_name: 'click', data: [], event_data: null });
  worker.postMessage({ type: 'event', event_id: 'shape', dep_id: dep.id, trigger_id: null, event_name: 'click', data: 'oops', event_data: null });
  worker.postMessage({ type: 'event', event_id: 'count', dep_id: dep.id, trigger_id: null, event_name: 'change', data: ['a', 'b'], event_data: null });
  worker.postMessage({ type: 'event', event_id: 'kind', dep_id: dep.id, trigger_id: null, event_name: 'change', data: [{ nested: true }], event_data: null });
  worker.postMessage({ type: 'cancel', dep_ids: [12345] });
  worker.postMessage({ type: 'event', event_id: 'good', dep_id: dep.id, trigger_id: null, event_name: 'change', data: ['Ada'], event_data: null });
  await waitFor((m) => m.type === 'status' && m.event_id === 'good' && m.stage === 'complete');
  worker.terminate();
  return seen.filter((m) => m.type !== 'boot' && m.type !== 'tree');
}"""


@pytest.fixture(scope="module")
def replies(app_opener, site_url):
    page = app_opener(site_url("hello"))
    yield page.evaluate(DRIVE_WORKER)
    page.context.close()


def _errors(replies):
    return [m for m in replies if m["type"] == "error"]


def test_non_objects_and_unknown_types_are_refused(replies):
    messages = [m["message"] for m in _errors(replies)]
    assert any("objects with a string `type`" in m for m in messages)
    assert any("Unknown message type 'launch_missiles'" in m for m in messages)


def test_unknown_dependency_and_bad_shape_name_the_event(replies):
    by_ref = {m.get("ref"): m["message"] for m in _errors(replies)}
    assert "No event function with id 999" in by_ref["ghost"]
    assert "data must be a list" in by_ref["shape"]
    assert any("Cannot cancel unknown event function(s) [12345]" in m["message"] for m in _errors(replies))


def test_wrong_count_and_wrong_kind_fail_only_that_event(replies):
    final = {m["event_id"]: m for m in replies if m["type"] == "status" and m["stage"] in ("complete", "error")}
    assert final["count"]["stage"] == "error" and "expects 1 input values, got 2" in final["count"]["message"]
    assert final["kind"]["stage"] == "error" and "expects text" in final["kind"]["message"]
    assert final["good"]["stage"] == "complete"
    good = [m for m in replies if m["type"] == "update" and m["event_id"] == "good"]
    assert good[-1]["updates"][0]["value"] == "Welcome to Gradio, Ada!"


# ---- what used to kill the app (issue: an upload named `..`, a `run` without an app) ----
APP = textwrap.dedent('''
    import gradio as gr

    def describe(files):
        return ", ".join(f.split("/")[-1] for f in files or [])

    def keep(text, history):
        history = (history or []) + [text]
        return history, " / ".join(history)

    def double(x):
        return x * 2

    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Out")
        files = gr.File(label="Files", file_count="multiple", type="filepath")
        number = gr.Number(label="Number")
        choice = gr.Dropdown(["a", "b"], label="Choice")
        history = gr.State([])
        gr.Button("Greet").click(lambda n: f"Hello {n}", name, out, api_name="greet")
        files.upload(describe, files, out)
        gr.Button("Keep").click(keep, [name, history], [history, out])
        gr.Button("Sum").click(lambda n, c: f"{n}{c}", [number, choice], out)
        gr.HTML("<b>calls</b>", server_functions=[double])

        @gr.render(inputs=number)
        def rows(n):
            for i in range(min(max(int(n or 0), 0), 3)):
                gr.Button(f"Row {i}").click(lambda: f"row", None, out)
''')

HARNESS = """
  const base = new URL('.', location.href).href;
  const worker = new Worker(new URL('assets/worker.js', base), { type: 'module' });
  const seen = [];
  const failures = [];
  const waitFor = (pred, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for ' + what + '; last: ' +
      JSON.stringify(seen.slice(-5)))), 60000);
    const check = () => { const hit = seen.find(pred); if (hit) { clearTimeout(timer); resolve(hit); } else setTimeout(check, 20); };
    check();
  });
  worker.onmessage = (e) => seen.push(e.data);
  worker.onerror = (e) => failures.push(String(e.message));
  worker.postMessage({ type: 'init', base_url: base, session_hash: 'probe', url: location.href });
  const tree = await waitFor((m) => m.type === 'tree', 'the tree');
  const greet = tree.config.dependencies.find((d) => d.api_name === 'greet');
  const nodes = [];
  const walk = (node) => { nodes.push(node); (node.children || []).forEach(walk); };
  walk(tree.config.root);
  const html = nodes.find((n) => n.type === 'html');
  const askGreet = async (id, who) => {
    worker.postMessage({ type: 'event', event_id: id, dep_id: greet.id, trigger_id: null, event_name: 'click', data: [who], event_data: null });
    await waitFor((m) => m.type === 'status' && m.event_id === id && (m.stage === 'complete' || m.stage === 'error'), id);
    const updates = seen.filter((m) => m.type === 'update' && m.event_id === id);
    return updates.length ? updates[updates.length - 1].updates[0].value : null;
  };
"""

WHAT_KILLED_IT = """async () => {
  """ + HARNESS + """
  const bytes = () => new TextEncoder().encode('payload').buffer;
  const names = ['..', '.', '', '/', 'a/../../b.txt', 'CON.txt', 'x\\u0000y.csv'];
  worker.postMessage({ type: 'upload', upload_id: 'dots', files: names.map((name) => ({ name, type: 'text/plain', size: 7 })),
                       buffers: names.map(bytes) });
  const uploaded = await waitFor((m) => m.type === 'uploaded' && m.upload_id === 'dots', 'the upload');
  worker.postMessage({ type: 'run' });
  worker.postMessage({ type: 'run', app: { entrypoint: 'missing.py', files: { 'app.py': 'x' }, requirements: [] } });
  worker.postMessage({ type: 'run', app: { entrypoint: 'app.py', files: { '../evil.py': 'x', 'app.py': 'x' }, requirements: [] } });
  worker.postMessage({ type: 'event', event_id: 'big', dep_id: greet.id, trigger_id: null, event_name: 'click', data: [10n], event_data: null });
  worker.postMessage({ type: 'server_call', call_id: 'call-bad', block_id: html.id, fn_name: 'double', args: 'oops' });
  worker.postMessage({ type: 'server_call', call_id: 'call-none', block_id: html.id, fn_name: '__init__', args: [] });
  worker.postMessage({ type: 'server_call', call_id: 'call-good', block_id: html.id, fn_name: 'double', args: [21] });
  const calls = await Promise.all(['call-bad', 'call-none', 'call-good'].map((id) =>
    waitFor((m) => m.type === 'server_result' && m.call_id === id, id)));
  const cyclic = { type: 'cancel', dep_ids: [] };
  cyclic.self = cyclic;
  worker.postMessage(cyclic);
  const after = await askGreet('after', 'Ada');
  worker.terminate();
  return { uploaded, after, calls, failures, errors: seen.filter((m) => m.type === 'error'), boot: seen.filter((m) => m.type === 'boot_error') };
}"""


@pytest.fixture(scope="module")
def app_url(source_url):
    return source_url("bad_messages_app.py", APP)


def test_a_dot_dot_upload_a_run_without_an_app_and_unserialisable_values_leave_the_app_running(app_opener, app_url):
    page = app_opener(app_url)
    try:
        result = page.evaluate(WHAT_KILLED_IT)
    finally:
        page.context.close()
    assert result["failures"] == [] and result["boot"] == []
    saved = [f["path"].split("/")[-1] for f in result["uploaded"]["files"]]
    assert saved == ["file", "file", "file", "file", "b.txt", "file.txt", "file.csv"]
    messages = [e["message"] for e in result["errors"]]
    assert any(m.startswith('Could not handle the "run" message: `run` needs `app`') for m in messages)
    assert any("app.entrypoint must name one of its files" in m for m in messages)
    assert any('Bad app file name "../evil.py"' in m for m in messages)
    assert any(e.get("ref") == "big" and "BigInt" in e["message"] for e in result["errors"])
    assert any("circular" in m.lower() for m in messages)
    bad, none, good = result["calls"]
    assert bad["error"] == "Malformed server_call message: args must be a list"
    assert none["error"].endswith("has no server function '__init__'")  # only what the block declares
    assert good == {"type": "server_result", "call_id": "call-good", "value": 42}
    assert result["after"] == "Hello Ada"


def test_a_file_named_dot_dot_uploaded_in_the_page_is_kept_under_a_safe_name(open_app, app_url):
    page = open_app(app_url)
    page.locator(".block").filter(has_text="Files").get_by_test_id("file-upload").set_input_files(
        [{"name": "..", "mimeType": "text/plain", "buffer": b"dots"}])
    expect(page.get_by_label("Out")).to_have_value("file")
    page.get_by_label("Name").fill("Bo")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Out")).to_have_value("Hello Bo")
    assert page.locator("#wasmblocks-app").get_attribute("data-state") == "ready"


# ---- a seeded generator of page messages, through the real worker's postMessage ----
FUZZ = """async ({ seed, count }) => {
  """ + HARNESS + """
  let state = seed >>> 0;
  const random = () => {  // mulberry32: the same messages for the same seed
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(random() * items.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const depIds = tree.config.dependencies.map((d) => d.id);
  const blockIds = [tree.config.root.id, ...tree.config.dependencies.flatMap((d) => d.inputs)];
  const text = () => pick(['', 'a', '..', '/', 'x'.repeat(int(0, 3000)), '\\u0000\\u202e', '\\ud800', 'é✓',
                           '<script>alert(1)</script>', '__proto__', 'constructor', String(random())]);
  const leaf = () => pick([
    () => null, () => undefined, () => true, () => 0, () => -0, () => NaN, () => Infinity, () => -1e308,
    () => int(-5, 2 ** 31), () => BigInt(int(0, 99)), text, () => new Date(int(0, 2 ** 40)), () => /re+/g,
    () => new Uint8Array(int(0, 16)), () => new ArrayBuffer(int(0, 16)), () => new Map([[text(), text()]]),
    () => new Set([int(0, 3)]), () => ({ meta: { _type: 'gradio.FileData' }, path: text() }),
    () => { const c = { a: 1 }; c.self = c; return c; },
  ])();
  const value = (depth = 0) => depth > 2 || random() < 0.5 ? leaf()
    : random() < 0.5 ? Array.from({ length: int(0, 4) }, () => value(depth + 1))
    : Object.fromEntries(Array.from({ length: int(0, 3) }, () => [text().slice(0, 8), value(depth + 1)]));
  const maybe = (plausible) => (random() < 0.75 ? plausible() : value());
  const fields = {
    event: () => ({ event_id: maybe(() => 'fz-' + int(0, 1e9)), dep_id: maybe(() => pick([...depIds, -1, 999, 1000000])),
                    trigger_id: maybe(() => pick([null, ...blockIds])), event_name: maybe(() => pick(['click', 'change', 'load'])),
                    data: maybe(() => Array.from({ length: int(0, 6) }, () => value())), event_data: value() }),
    cancel: () => ({ dep_ids: maybe(() => Array.from({ length: int(0, 3) }, () => pick([...depIds, 77]))) }),
    upload: () => { const n = int(0, 3); return { upload_id: maybe(() => 'up-' + int(0, 1e9)),
                    files: maybe(() => Array.from({ length: n }, () => ({ name: maybe(text), type: maybe(text), size: maybe(() => int(0, 9)) }))),
                    buffers: maybe(() => Array.from({ length: random() < 0.8 ? n : int(0, 4) }, () => new ArrayBuffer(int(0, 32)))) }; },
    server_call: () => ({ call_id: maybe(() => 'c-' + int(0, 1e9)), block_id: maybe(() => pick([html.id, ...blockIds, 999])),
                          fn_name: maybe(() => pick(['double', 'nope', '__init__', 'server_function', ''])),
                          args: maybe(() => Array.from({ length: int(0, 3) }, () => value())) }),
    login: () => ({ call_id: maybe(() => 'c-' + int(0, 1e9)), username: maybe(text), password: maybe(text) }),
    view_api: () => ({ request_id: maybe(() => 'v-' + int(0, 1e9)) }),
    restore: () => ({ states: maybe(() => [{ id: pick(blockIds), buffer: int(-1, 2) }]),
                      props: maybe(() => [{ id: pick(blockIds), props: value() }]),
                      files: maybe(() => [{ path: maybe(text), buffer: int(-1, 2) }]),
                      buffers: maybe(() => [new ArrayBuffer(int(0, 16)), new Uint8Array(3).buffer]) }),
    init: () => ({ base_url: maybe(text), session_hash: maybe(text), url: maybe(text) }),
    unload: () => ({}),
    // Never a valid app: a valid one would replace this app, which is not what is under test here.
    run: () => ({ app: pick([value(), { entrypoint: 5, files: value(), requirements: [] }, { files: {}, entrypoint: text() }]) }),
    write_file: () => ({ request_id: maybe(() => 'w-' + int(0, 1e9)), path: maybe(text), data: maybe(text) }),
    // No list of requirements: micropip would go to the network.
    install: () => ({ request_id: value(), requirements: pick([undefined, null, 5, text(), {}]) }),
  };
  const kinds = [...Object.keys(fields), 'bogus', '', 'toString', 'hasOwnProperty'];
  let sent = 0;
  const calls = new Map();  // call_id → how many server_calls and logins carried it: each gets one reply naming it
  for (let i = 0; i < count; i++) {
    let message;
    const roll = random();
    if (roll < 0.05) message = value();
    else if (roll < 0.1) message = { type: value() };
    else {
      const type = pick(kinds);
      message = { type, ...(fields[type] ? fields[type]() : { x: value() }) };
      if (random() < 0.2) delete message[pick(Object.keys(message))];
      if (random() < 0.1) message[text().slice(0, 6)] = value();
    }
    const callId = message && (message.type === 'server_call' || message.type === 'login') ? message.call_id : undefined;
    if (typeof callId === 'string' && callId) calls.set(callId, (calls.get(callId) || 0) + 1);
    try {
      worker.postMessage(message);
      sent++;
    } catch (err) {
      failures.push('postMessage: ' + err);  // only values structured clone refuses (none are generated)
    }
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 0));
  }
  const after = await askGreet('after-fuzz', 'Cy');
  const answers = (id) => seen.filter((m) => (m.type === 'server_result' && m.call_id === id) || (m.type === 'error' && m.ref === id)).length;
  await waitFor(() => [...calls].every(([id, n]) => answers(id) >= n), 'every server call answered').catch(() => null);
  // A generated id ('c-…') names only its call: exactly one reply. Any other text may also be an event's id.
  const unanswered = [...calls].filter(([id, n]) => answers(id) < n || (id.startsWith('c-') && answers(id) !== n));
  worker.terminate();
  return { sent, failures, after, calls: calls.size, unanswered, boot: seen.filter((m) => m.type === 'boot_error'),
           errors: seen.filter((m) => m.type === 'error').length, replies: seen.length };
}"""


def test_thousands_of_generated_messages_through_the_real_worker(app_opener, app_url):
    seed, count = 14, 3000
    page = app_opener(app_url)
    try:
        result = page.evaluate(FUZZ, {"seed": seed, "count": count})
    finally:
        page.context.close()
    print(f"\nseed {seed}: {result['sent']} messages, {result['replies']} replies, {result['errors']} errors")
    assert result["sent"] == count and result["failures"] == []
    assert result["boot"] == []
    assert result["errors"] > 500  # most of them were refused, each with an answer
    assert result["after"] == "Hello Cy"
    assert result["calls"] > 100 and result["unanswered"] == [], result["unanswered"][:12]

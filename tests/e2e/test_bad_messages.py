"""The worker refuses malformed page messages with a clear error and keeps serving (real worker, real browser)."""

import pytest

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
